package org.tandem.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jboss.logging.MDC;
import org.tandem.clinic.Clinic;
import org.tandem.clinic.ClinicRepository;
import org.tandem.common.web.RequestIdFilter;
import org.tandem.security.Caller;

/**
 * Writes audit events. A success inside a transaction is written in it, so a change and its audit event commit or
 * roll back together. A success outside any transaction (a read: reads run without one) is group-committed by
 * {@link AuditWriter}, and the call returns only once it is durable, so no read is answered unaudited. A failure is
 * written in a transaction of its own, because the request's transaction, if any, was rolled back.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class AuditLog {

    /**
     * The record type of a psychotherapy note's events. They are written like every other event, but the audit
     * log's readers (the list and the export, both for admins) never see them: that such a note exists is its
     * author's alone to know.
     */
    public static final String AUTHOR_ONLY = "psychotherapy-note";

    /** Who made a request, captured while the request is still in scope. */
    public record Actor(String clinicKey, String subject, String roles, String clientId, String clientAddress,
            String requestId) {
    }

    private final AuditRepository events;
    private final AuditWriter writer;
    private final ClinicRepository clinics;
    private final Caller caller;

    /** Records a successful read or change: in the caller's transaction, or group-committed without one. */
    public void success(String action, String recordType, Object recordId) {
        success(action, recordType, recordId, null);
    }

    /** As {@link #success(String, String, Object)}, with a detail such as an export's format; never clinical text. */
    public void success(String action, String recordType, Object recordId, String detail) {
        write(event(caller.clinicId(), actor(), action, recordType, recordId, AuditOutcome.SUCCESS, null, detail));
    }

    /**
     * Records what happened for someone who is not a logged-in caller: a calendar app holding a feed's secret URL,
     * or the scheduler. Joins the current transaction, or is group-committed without one.
     */
    public void system(UUID clinicId, String subject, String action, String recordType, Object recordId,
            String clientAddress) {
        system(clinicId, subject, action, recordType, recordId, clientAddress, null);
    }

    /** As {@link #system(UUID, String, String, String, Object, String)}, with a detail; never clinical text. */
    public void system(UUID clinicId, String subject, String action, String recordType, Object recordId,
            String clientAddress, String detail) {
        Object requestId = MDC.get(RequestIdFilter.MDC_KEY);
        Actor actor = new Actor(null, subject, "", null, clientAddress, requestId == null ? null : requestId.toString());
        write(event(clinicId, actor, action, recordType, recordId, AuditOutcome.SUCCESS, null, detail));
    }

    private void write(AuditEvent event) {
        if (QuarkusTransaction.isActive()) {
            events.persist(event);
        } else {
            writer.write(event);
        }
    }

    /** Records a request that ended in an error status. Safe to call from any worker thread. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failure(Actor actor, String action, String recordType, Object recordId, int httpStatus) {
        UUID clinicId = actor.clinicKey() == null ? null
                : clinics.findByKey(actor.clinicKey()).map(Clinic::getId).orElse(null);
        events.persist(event(clinicId, actor, action, recordType, recordId, AuditOutcome.ofStatus(httpStatus),
                httpStatus, null));
    }

    /** The current caller as an audit actor. Needs the request scope. */
    public Actor actor() {
        Object requestId = MDC.get(RequestIdFilter.MDC_KEY);
        return new Actor(caller.clinicKey(), caller.subject(), String.join(",", caller.roles()), caller.clientId(),
                caller.clientAddress(), requestId == null ? null : requestId.toString());
    }

    private static AuditEvent event(UUID clinicId, Actor actor, String action, String recordType, Object recordId,
            AuditOutcome outcome, Integer status, String detail) {
        return new AuditEvent(Instant.now(), clinicId, actor.subject(), actor.roles(), actor.clientId(), action,
                recordType, recordId == null ? null : recordId.toString(), outcome, status, actor.clientAddress(),
                actor.requestId(), detail);
    }
}
