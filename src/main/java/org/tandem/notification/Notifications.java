package org.tandem.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.tandem.common.persistence.BinaryUuids;

/**
 * The notification outbox: messages are written in the transaction of the change that causes them, so a booking
 * that rolls back leaves no reminder, and one that commits cannot lose its reminders. A session's pending
 * reminders are withdrawn when it moves (and made anew for the new time), is cancelled or ends.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class Notifications {

    private final EntityManager em;
    private final NotificationConfig config;

    @Transactional(Transactional.TxType.MANDATORY)
    public void session(SessionNotice notice) {
        Instant now = Instant.now();
        if (notice.change() != SessionNotice.Change.SCHEDULED) {
            em.createNativeQuery("update notification set status = 'WITHDRAWN', updated_at = ?1 where session_id = ?2"
                    + " and status = 'PENDING' and kind = 'SESSION_REMINDER'").setParameter(1, Timestamp.from(now))
                    .setParameter(2, BinaryUuids.bytes(notice.sessionId())).executeUpdate();
        }
        if (notice.change() == SessionNotice.Change.ENDED || !notice.start().isAfter(now)) {
            return; // nothing to tell about a session that is over
        }
        NotificationKind kind = switch (notice.change()) {
            case SCHEDULED -> NotificationKind.SESSION_SCHEDULED;
            case MOVED -> NotificationKind.SESSION_MOVED;
            default -> NotificationKind.SESSION_CANCELLED;
        };
        for (UUID partner : notice.partnerIds()) {
            insert(notice, partner, kind, now, now);
            if (notice.change() != SessionNotice.Change.CANCELLED) {
                for (Duration before : config.reminders()) {
                    Instant due = dueBefore(notice.start(), before, notice.zone());
                    if (due.isAfter(now)) {
                        insert(notice, partner, NotificationKind.SESSION_REMINDER, due, now);
                    }
                }
            }
        }
    }

    /**
     * A safety flag was raised on the couple: each of its therapists (but {@code except}, who raised it) is told
     * at once that one needs their attention, with a link to the couple in the app; never the reason or a score.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void safetyFlag(UUID clinicId, UUID coupleId, java.util.Collection<UUID> therapists, UUID except) {
        Instant now = Instant.now();
        for (UUID therapist : therapists) {
            if (therapist.equals(except)) {
                continue;
            }
            em.createNativeQuery("insert into notification (id, clinic_id, couple_id, kind, therapist_id, due_at,"
                    + " status, attempts, next_attempt_at, created_at, updated_at)"
                    + " values (?1, ?2, ?3, 'SAFETY_FLAG', ?4, ?5, 'PENDING', 0, ?5, ?5, ?5)")
                    .setParameter(1, BinaryUuids.bytes(UUID.randomUUID())).setParameter(2, BinaryUuids.bytes(clinicId))
                    .setParameter(3, BinaryUuids.bytes(coupleId)).setParameter(4, BinaryUuids.bytes(therapist))
                    .setParameter(5, Timestamp.from(now)).executeUpdate();
        }
    }

    /**
     * The series extension skipped an occurrence of a series (it clashed): its therapist is told at once, with the
     * time it would have been, so they can book it by hand. Once per series and occurrence.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void occurrenceSkipped(UUID clinicId, UUID coupleId, UUID therapist, UUID seriesId, int index,
            Instant start) {
        Instant now = Instant.now();
        em.createNativeQuery("insert ignore into notification (id, clinic_id, couple_id, kind, therapist_id,"
                + " session_start, due_at, status, attempts, next_attempt_at, created_at, updated_at, dedupe_key)"
                + " values (?1, ?2, ?3, 'SERIES_SKIPPED', ?4, ?5, ?6, 'PENDING', 0, ?6, ?6, ?6, ?7)")
                .setParameter(1, BinaryUuids.bytes(UUID.randomUUID())).setParameter(2, BinaryUuids.bytes(clinicId))
                .setParameter(3, BinaryUuids.bytes(coupleId)).setParameter(4, BinaryUuids.bytes(therapist))
                .setParameter(5, Timestamp.from(start)).setParameter(6, Timestamp.from(now))
                .setParameter(7, "skipped:" + seriesId + ":" + index).executeUpdate();
    }

    /**
     * When a reminder {@code before} a session goes out: whole days in the clinic's calendar (the same local time
     * that many days earlier, whatever a daylight-saving change in between does to the hours), else that long
     * before.
     */
    static Instant dueBefore(Instant start, Duration before, ZoneId zone) {
        if (!before.isZero() && before.toSeconds() % Duration.ofDays(1).toSeconds() == 0) {
            return start.atZone(zone).minusDays(before.toDays()).toInstant();
        }
        return start.minus(before);
    }

    private void insert(SessionNotice n, UUID partner, NotificationKind kind, Instant due, Instant now) {
        em.createNativeQuery("insert into notification (id, clinic_id, couple_id, kind, partner_id, session_id,"
                + " session_start, due_at, status, attempts, next_attempt_at, created_at, updated_at)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'PENDING', 0, ?8, ?9, ?9)")
                .setParameter(1, BinaryUuids.bytes(UUID.randomUUID()))
                .setParameter(2, BinaryUuids.bytes(n.clinicId()))
                .setParameter(3, BinaryUuids.bytes(n.coupleId()))
                .setParameter(4, kind.name())
                .setParameter(5, BinaryUuids.bytes(partner))
                .setParameter(6, BinaryUuids.bytes(n.sessionId()))
                .setParameter(7, Timestamp.from(n.start()))
                .setParameter(8, Timestamp.from(due))
                .setParameter(9, Timestamp.from(now))
                .executeUpdate();
    }
}
