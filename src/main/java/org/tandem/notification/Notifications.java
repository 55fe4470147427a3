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
    private final DeliveryHistory history;

    @Transactional(Transactional.TxType.MANDATORY)
    public void session(SessionNotice notice) {
        Instant now = Instant.now();
        if (notice.change() != SessionNotice.Change.SCHEDULED) {
            history.withdrawReminders(notice.sessionId(), null, "session-" + notice.change().name().toLowerCase(),
                    now);
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
                remind(notice.clinicId(), notice.coupleId(), notice.sessionId(), partner, notice.start(),
                        notice.zone(), now);
            }
        }
    }

    /**
     * Makes anew the pending reminders of the booked sessions to come after their offsets changed: the clinic's
     * default ({@code partnerId} null: every partner of the clinic who has not chosen their own) or one partner's
     * own choice. Reminders already sent stay sent; one whose time has passed is not made again.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replanReminders(UUID clinicId, UUID partnerId) {
        Instant now = Instant.now();
        String whose = partnerId == null
                ? " and not exists (select 1 from notification_preference np where np.person_id = p.id"
                        + " and np.reminder_offsets is not null)"
                : " and p.id = ?3";
        var query = em.createNativeQuery("select s.id, s.couple_id, p.id, s.starts_at, k.time_zone"
                + " from therapy_session s join partner p on p.couple_id = s.couple_id"
                + " and (s.partner_id is null or s.partner_id = p.id) join clinic k on k.id = s.clinic_id"
                + " where s.clinic_id = ?1 and s.status = 'SCHEDULED' and s.starts_at > ?2" + whose)
                .setParameter(1, BinaryUuids.bytes(clinicId)).setParameter(2, Timestamp.from(now));
        if (partnerId != null) {
            query.setParameter(3, BinaryUuids.bytes(partnerId));
        }
        @SuppressWarnings("unchecked")
        java.util.List<Object[]> sessions = query.getResultList();
        for (Object[] r : sessions) {
            byte[] session = (byte[]) r[0];
            byte[] partner = (byte[]) r[2];
            history.withdrawReminders(BinaryUuids.of(session), BinaryUuids.of(partner), "reminder-times-changed", now);
            remind(clinicId, BinaryUuids.of((byte[]) r[1]), BinaryUuids.of(session), BinaryUuids.of(partner),
                    NotificationLog.instant(r[3]), ZoneId.of((String) r[4]), now);
        }
    }

    /** The reminders of one partner for one session, at the offsets that apply to them, those still to come. */
    private void remind(UUID clinicId, UUID coupleId, UUID sessionId, UUID partner, Instant start, ZoneId zone,
            Instant now) {
        for (Duration before : offsetsFor(partner)) {
            Instant due = dueBefore(start, before, zone);
            if (due.isAfter(now)) {
                insert(new Row(clinicId, coupleId, NotificationKind.SESSION_REMINDER, partner, null, sessionId, start,
                        due), null);
            }
        }
    }

    /** The partner's own offsets, else their clinic's, else the deployment's ({@code tandem.notifications.reminders}). */
    java.util.List<Duration> offsetsFor(UUID partner) {
        Object[] r = (Object[]) em.createNativeQuery("select np.reminder_offsets, k.reminder_offsets from partner p"
                + " join couple c on c.id = p.couple_id join clinic k on k.id = c.clinic_id"
                + " left join notification_preference np on np.person_id = p.id where p.id = ?1")
                .setParameter(1, BinaryUuids.bytes(partner)).getSingleResult();
        java.util.List<Duration> own = ReminderOffsets.read((String) r[0]);
        if (own != null) {
            return own;
        }
        java.util.List<Duration> clinic = ReminderOffsets.read((String) r[1]);
        return clinic != null ? clinic : config.reminders();
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
            Instant about, Instant due, UUID assignmentId) {

        Row(UUID clinicId, UUID coupleId, NotificationKind kind, UUID partnerId, UUID therapistId, UUID sessionId,
                Instant about, Instant due) {
            this(clinicId, coupleId, kind, partnerId, therapistId, sessionId, about, due, null);
        }
    }

    private static Row session(SessionNotice n, UUID partner, NotificationKind kind, Instant due) {
        return new Row(n.clinicId(), n.coupleId(), kind, partner, null, n.sessionId(), n.start(), due, null);
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
                + " next_attempt_at, created_at, updated_at, dedupe_key, assignment_id)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'PENDING', 0, ?9, ?10, ?10, ?11, ?12)")
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
                .setParameter(12, bytes(r.assignmentId()))
                .executeUpdate();
    }

    private static byte[] bytes(UUID id) {
        return id == null ? null : BinaryUuids.bytes(id);
    }
}
