package org.tandem.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.tandem.audit.AuditLog;
import org.tandem.common.persistence.BinaryUuids;
import org.tandem.common.web.Problems;
import org.tandem.notification.NotificationResource.DeliveryStep;
import org.tandem.notification.NotificationResource.NotificationHistoryResponse;
import org.tandem.notification.NotificationResource.NotificationResponse;
import org.tandem.security.AccessPolicy;

/** The admins' view of what was sent, to whom (by id), when and how it went. */
@ApplicationScoped
@RequiredArgsConstructor
public class NotificationLog {

    /**
     * What the log says of a message. Its channels are those that handled it: the e-mail once the server accepted
     * it, the webhook once a reminder's event was handed to the clinic's subscriptions.
     */
    private static final String COLUMNS = "select id, kind, session_id, couple_id, partner_id, due_at, status,"
            + " attempts, last_error, sent_at, therapist_id, assignment_id, created_at, exists (select 1 from"
            + " notification_delivery d where d.notification_id = n.id and d.outcome = 'PUBLISHED')";

    private final EntityManager em;
    private final AccessPolicy access;
    private final AuditLog audit;

    @Transactional
    public List<NotificationResponse> list(UUID sessionId, NotificationStatus status, NotificationKind kind) {
        UUID clinic = access.reach().clinicId();
        StringBuilder sql = new StringBuilder(COLUMNS + " from notification n where clinic_id = :clinic");
        if (sessionId != null) {
            sql.append(" and session_id = :session");
        }
        if (status != null) {
            sql.append(" and status = :status");
        }
        if (kind != null) {
            sql.append(" and kind = :kind");
        }
        sql.append(" order by created_at desc, id desc limit 500");
        var query = em.createNativeQuery(sql.toString()).setParameter("clinic", BinaryUuids.bytes(clinic));
        if (sessionId != null) {
            query.setParameter("session", BinaryUuids.bytes(sessionId));
        }
        if (status != null) {
            query.setParameter("status", status.name());
        }
        if (kind != null) {
            query.setParameter("kind", kind.name());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<NotificationResponse> list = rows.stream().map(NotificationLog::response).toList();
        audit.success("notification.log-read", "notification", sessionId);
        return list;
    }

    /**
     * One message of the clinic's with its delivery history, oldest first: queued, then each step (an e-mail sent,
     * failed or skipped and why, a wait for quiet hours, a withdrawal, giving up, the webhook event handed over).
     */
    @Transactional
    public NotificationHistoryResponse history(UUID id) {
        UUID clinic = access.reach().clinicId();
        @SuppressWarnings("unchecked")
        List<Object[]> found = em.createNativeQuery(COLUMNS + " from notification n where id = :id"
                + " and clinic_id = :clinic").setParameter("id", BinaryUuids.bytes(id))
                .setParameter("clinic", BinaryUuids.bytes(clinic)).getResultList();
        if (found.isEmpty()) {
            throw Problems.notFound("notification");
        }
        NotificationResponse message = response(found.get(0));
        List<DeliveryStep> steps = new ArrayList<>();
        steps.add(new DeliveryStep(message.queuedAt(), DeliveryOutcome.QUEUED, null, null, null));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select happened_at, outcome, channel, reason, webhook_event_id"
                + " from notification_delivery where notification_id = :id order by id")
                .setParameter("id", BinaryUuids.bytes(id)).getResultList();
        for (Object[] r : rows) {
            steps.add(new DeliveryStep(instant(r[0]), DeliveryOutcome.valueOf((String) r[1]),
                    r[2] == null ? null : DeliveryChannel.valueOf((String) r[2]), (String) r[3],
                    BinaryUuids.of((byte[]) r[4])));
        }
        audit.success("notification.history-read", "notification", id);
        return new NotificationHistoryResponse(message, steps);
    }

    private static NotificationResponse response(Object[] r) {
        List<DeliveryChannel> channels = new ArrayList<>();
        if (r[9] != null) {
            channels.add(DeliveryChannel.EMAIL);
        }
        if (((Number) r[13]).intValue() == 1) {
            channels.add(DeliveryChannel.WEBHOOK);
        }
        return new NotificationResponse(BinaryUuids.of((byte[]) r[0]), NotificationKind.valueOf((String) r[1]),
                BinaryUuids.of((byte[]) r[2]), BinaryUuids.of((byte[]) r[3]), BinaryUuids.of((byte[]) r[4]),
                BinaryUuids.of((byte[]) r[10]), BinaryUuids.of((byte[]) r[11]), instant(r[12]), instant(r[5]),
                NotificationStatus.valueOf((String) r[6]), ((Number) r[7]).intValue(), (String) r[8], instant(r[9]),
                channels);
    }

    /** A datetime column as the driver returns it, as an Instant (the connection's zone is UTC). */
    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.LocalDateTime l) {
            return l.toInstant(java.time.ZoneOffset.UTC);
        }
        return (Instant) value;
    }
}
