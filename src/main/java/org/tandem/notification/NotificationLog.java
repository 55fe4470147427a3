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
import org.tandem.notification.NotificationResource.NotificationResponse;
import org.tandem.security.AccessPolicy;

/** The admins' view of what was sent, to whom (by id), when and how it went. */
@ApplicationScoped
@RequiredArgsConstructor
public class NotificationLog {

    private final EntityManager em;
    private final AccessPolicy access;
    private final AuditLog audit;

    @Transactional
    public List<NotificationResponse> list(UUID sessionId, NotificationStatus status, NotificationKind kind) {
        UUID clinic = access.reach().clinicId();
        StringBuilder sql = new StringBuilder("select id, kind, session_id, couple_id, partner_id, due_at, status,"
                + " attempts, last_error, sent_at, therapist_id, assignment_id from notification where clinic_id = :clinic");
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
        List<NotificationResponse> list = new ArrayList<>();
        for (Object[] r : rows) {
            NotificationKind what = NotificationKind.valueOf((String) r[1]);
            list.add(new NotificationResponse(BinaryUuids.of((byte[]) r[0]), what, BinaryUuids.of((byte[]) r[2]),
                    BinaryUuids.of((byte[]) r[3]), BinaryUuids.of((byte[]) r[4]), BinaryUuids.of((byte[]) r[10]),
                    BinaryUuids.of((byte[]) r[11]), instant(r[5]), NotificationStatus.valueOf((String) r[6]),
                    ((Number) r[7]).intValue(), (String) r[8], instant(r[9]),
                    what == NotificationKind.SESSION_REMINDER ? List.of("EMAIL", "WEBHOOK") : List.of("EMAIL")));
        }
        audit.success("notification.log-read", "notification", sessionId);
        return list;
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
