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
            insert(session(notice, partner, kind, now), null);
            if (notice.change() != SessionNotice.Change.CANCELLED) {
                for (Duration before : config.reminders()) {
                    Instant due = dueBefore(notice.start(), before, notice.zone());
                    if (due.isAfter(now)) {
                        insert(session(notice, partner, NotificationKind.SESSION_REMINDER, due), null);
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
            insert(new Row(clinicId, coupleId, NotificationKind.SAFETY_FLAG, null, therapist, null, null, now), null);
        }
    }

    /**
     * The series extension skipped an occurrence of a series (it clashed): its therapist is told at once, with the
     * time it would have been, so they can book it by hand. Once per series and occurrence.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void occurrenceSkipped(UUID clinicId, UUID coupleId, UUID therapist, UUID seriesId, int index,
            Instant start) {
        insert(new Row(clinicId, coupleId, NotificationKind.SERIES_SKIPPED, null, therapist, null, start,
                Instant.now()), "skipped:" + seriesId + ":" + index);
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

    /**
     * One message: for a partner or a therapist, about a session, a couple or neither; {@code about} is the session's
     * start (or the agenda's day) the text will say.
     */
    record Row(UUID clinicId, UUID coupleId, NotificationKind kind, UUID partnerId, UUID therapistId, UUID sessionId,
            Instant about, Instant due) {
    }

    private static Row session(SessionNotice n, UUID partner, NotificationKind kind, Instant due) {
        return new Row(n.clinicId(), n.coupleId(), kind, partner, null, n.sessionId(), n.start(), due);
    }

    /**
     * Writes one message, pending until {@code due}, in the caller's transaction. With a {@code key} naming what it is
     * about, the first row with that key wins, whichever replica wrote it (the unique key refuses a copy; IGNORE
     * makes that a no-op): 1 when written, 0 when it was there.
     */
    int insert(Row r, String key) {
        Timestamp now = Timestamp.from(Instant.now());
        return em.createNativeQuery("insert" + (key == null ? "" : " ignore") + " into notification (id, clinic_id,"
                + " couple_id, kind, partner_id, therapist_id, session_id, session_start, due_at, status, attempts,"
                + " next_attempt_at, created_at, updated_at, dedupe_key)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'PENDING', 0, ?9, ?10, ?10, ?11)")
                .setParameter(1, BinaryUuids.bytes(UUID.randomUUID()))
                .setParameter(2, BinaryUuids.bytes(r.clinicId()))
                .setParameter(3, bytes(r.coupleId()))
                .setParameter(4, r.kind().name())
                .setParameter(5, bytes(r.partnerId()))
                .setParameter(6, bytes(r.therapistId()))
                .setParameter(7, bytes(r.sessionId()))
                .setParameter(8, r.about() == null ? null : Timestamp.from(r.about()))
                .setParameter(9, Timestamp.from(r.due()))
                .setParameter(10, now)
                .setParameter(11, key)
                .executeUpdate();
    }

    private static byte[] bytes(UUID id) {
        return id == null ? null : BinaryUuids.bytes(id);
    }
}
