package org.tandem.audit;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tandem.common.persistence.Jdbc;
import org.tandem.common.web.PageQuery;
import org.tandem.common.web.PageResponse;
import org.tandem.common.web.Problems;
import org.tandem.security.Caller;

/** Reading the audit log: admins, their own clinic only. Reading it is itself audited. */
@ApplicationScoped
@Transactional
@RequiredArgsConstructor
public class AuditService {

    public record AuditEventResponse(UUID id, Instant occurredAt, String subject, String roles, String clientId,
            String action, String recordType, String recordId, AuditOutcome outcome, Integer httpStatus,
            String clientAddress, String requestId, String detail) {
    }

    /** The clinic's hash chain, checked: intact, or where it first breaks. */
    public record VerificationResponse(boolean intact, long sealedEvents, Instant sealedThrough,
            BreakResponse firstBreak) {
    }

    /** The seal where the chain breaks, the event it belongs to (null if the seal itself is gone) and how. */
    public record BreakResponse(long seq, UUID eventId,
            @Schema(description = "event-changed, event-deleted, link-broken or seal-missing") String problem) {
    }

    private final AuditRepository events;
    private final AuditLog audit;
    private final Caller caller;
    private final Jdbc jdbc;

    public PageResponse<AuditEventResponse> list(AuditRepository.Filter filter, PageQuery page) {
        if (filter.from() != null && filter.to() != null && !filter.from().isBefore(filter.to())) {
            throw Problems.invalid("to", "query", "must be after from");
        }
        PanacheQuery<AuditEvent> query = events.search(caller.clinicId(), filter, page);
        List<AuditEvent> rows = query.list();
        long total = query.count();
        audit.success("audit.list", "audit-event", null);
        return PageResponse.of(rows, AuditService::toResponse, page, total);
    }

    /** Recomputes the clinic's chain over every sealed event; events of the last minutes are not sealed yet. */
    public VerificationResponse verify() {
        UUID clinic = caller.clinicId();
        AuditChain.Report report;
        // Reads only, on the request's own (enlisted) connection.
        try (Connection c = jdbc.dataSource().getConnection()) {
            report = AuditChain.verify(c, clinic);
        } catch (SQLException e) {
            throw new IllegalStateException("The audit chain could not be read", e);
        }
        audit.success("audit.verify", "audit-event", null, report.intact() ? "intact" : "broken");
        AuditChain.Break b = report.firstBreak();
        return new VerificationResponse(report.intact(), report.sealed(), report.sealedThrough(),
                b == null ? null : new BreakResponse(b.seq(), b.eventId(), b.problem()));
    }

    private static AuditEventResponse toResponse(AuditEvent e) {
        return new AuditEventResponse(e.getId(), e.getOccurredAt(), e.getSubject(), e.getRoles(), e.getClientId(),
                e.getAction(), e.getRecordType(), e.getRecordId(), e.getOutcome(), e.getHttpStatus(),
                e.getClientAddress(), e.getRequestId(), e.getDetail());
    }
}
