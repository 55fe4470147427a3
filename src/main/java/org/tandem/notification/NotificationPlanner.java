package org.tandem.notification;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.tandem.common.persistence.BinaryUuids;
import org.tandem.exercise.Cadence;

/**
 * Plans the messages a schedule makes rather than a change: each therapist's agenda in the morning of a day they
 * have sessions, a note to a couple's therapists when a treatment plan's or a boundary's review date has come (or
 * a maintenance polygraph is due), and
 * in the evening a nudge to a partner whose exercise is due by its cadence and not logged, and a reminder to a
 * partner who keeps daily check-ins and has not written today's.
 * Every replica plans; each message carries a key naming what it is about (the therapist and the day, the review
 * and its date), unique in the table, so it is made once however many replicas plan it. The sender sends it.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class NotificationPlanner {

    private final EntityManager em;
    private final NotificationConfig config;
    private final Notifications notifications;

    /** Every {@code tandem.notifications.plan-interval} (5 min; off in the tests, which call {@link #plan}). */
    @Scheduled(every = "${tandem.notifications.plan-interval:5m}", delay = 30,
            delayUnit = java.util.concurrent.TimeUnit.SECONDS, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        plan(Instant.now());
    }

    /** Makes what is due at {@code now} and not made yet; returns how many it made. */
    public int plan(Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            int made = 0;
            @SuppressWarnings("unchecked")
            List<Object[]> clinics = em.createNativeQuery("select id, time_zone from clinic").getResultList();
            for (Object[] clinic : clinics) {
                UUID clinicId = BinaryUuids.of((byte[]) clinic[0]);
                ZonedDateTime local = now.atZone(ZoneId.of((String) clinic[1]));
                if (!local.toLocalTime().isBefore(config.digestAt())) {
                    made += digests(clinicId, local);
                }
                made += reviews(clinicId, local.toLocalDate(), now);
                if (!local.toLocalTime().isBefore(config.nudgeAt())) {
                    made += nudges(clinicId, local.toLocalDate(), now);
                }
                if (!local.toLocalTime().isBefore(config.checkInAt())) {
                    made += checkInReminders(clinicId, local.toLocalDate(), now);
                }
            }
            return made;
        });
    }

    /** Today's agenda for each active therapist of the clinic with a session still to come today. */
    private int digests(UUID clinicId, ZonedDateTime local) {
        LocalDate day = local.toLocalDate();
        Instant dayStart = day.atStartOfDay(local.getZone()).toInstant();
        Instant dayEnd = day.plusDays(1).atStartOfDay(local.getZone()).toInstant();
        @SuppressWarnings("unchecked")
        List<byte[]> therapists = em.createNativeQuery("select distinct s.therapist_id from therapy_session s"
                + " join staff_member m on m.id = s.therapist_id where s.clinic_id = ?1 and s.status = 'SCHEDULED'"
                + " and s.starts_at >= ?2 and s.starts_at < ?3 and m.deactivated_at is null")
                .setParameter(1, BinaryUuids.bytes(clinicId)).setParameter(2, Timestamp.from(local.toInstant()))
                .setParameter(3, Timestamp.from(dayEnd)).getResultList();
        int made = 0;
        for (byte[] therapist : therapists) {
            made += notifications.insert(new Notifications.Row(clinicId, null, NotificationKind.AGENDA_DIGEST, null,
                    BinaryUuids.of(therapist), null, dayStart, local.toInstant()),
                    "agenda:" + BinaryUuids.of(therapist) + ":" + day);
        }
        return made;
    }

    /** A review date that has come, told once per review and date to each therapist of the couple. */
    private int reviews(UUID clinicId, LocalDate today, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> due = em.createNativeQuery("select 'plan', p.id, p.couple_id, p.review_on from treatment_plan p"
                + " join couple c on c.id = p.couple_id where p.clinic_id = ?1 and p.review_on <= ?2"
                + " and c.status <> 'DISCHARGED' union all select 'boundary', b.id, b.couple_id, b.next_review_on"
                + " from boundary b join couple c on c.id = b.couple_id where b.clinic_id = ?1"
                + " and b.status = 'ACTIVE' and b.next_review_on <= ?2 and c.status <> 'DISCHARGED'")
                .setParameter(1, BinaryUuids.bytes(clinicId)).setParameter(2, java.sql.Date.valueOf(today))
                .getResultList();
        due = new java.util.ArrayList<>(due);
        due.addAll(polygraphsDue(clinicId, today));
        int made = 0;
        for (Object[] review : due) {
            UUID couple = BinaryUuids.of((byte[]) review[2]);
            @SuppressWarnings("unchecked")
            List<byte[]> therapists = em.createNativeQuery("select primary_therapist_id from couple where id = ?1"
                    + " and primary_therapist_id is not null union select therapist_id from couple_co_therapist"
                    + " where couple_id = ?1").setParameter(1, BinaryUuids.bytes(couple)).getResultList();
            for (byte[] therapist : therapists) {
                UUID t = BinaryUuids.of(therapist);
                made += notifications.insert(new Notifications.Row(clinicId, couple, NotificationKind.REVIEW_DUE, null, t,
                        null, null, now), "review:" + review[0] + ":" + BinaryUuids.of((byte[]) review[1]) + ":"
                        + review[3] + ":" + t);
            }
        }
        return made;
    }

    /**
     * Maintenance polygraphs that have come due (the last examination plus the couple's interval), as review rows
     * (kind, couple, couple, due date). A schedule before any examination waits for the first.
     */
    private List<Object[]> polygraphsDue(UUID clinicId, LocalDate today) {
        @SuppressWarnings("unchecked")
        List<Object[]> schedules = em.createNativeQuery("select s.couple_id, s.every_months, (select"
                + " max(e.examined_on) from polygraph_exam e where e.couple_id = s.couple_id) from polygraph_schedule s"
                + " join couple c on c.id = s.couple_id where s.clinic_id = ?1 and s.every_months is not null"
                + " and c.status <> 'DISCHARGED'").setParameter(1, BinaryUuids.bytes(clinicId)).getResultList();
        List<Object[]> due = new java.util.ArrayList<>();
        for (Object[] r : schedules) {
            LocalDate last = date(r[2]);
            if (last != null && !last.plusMonths(((Number) r[1]).intValue()).isAfter(today)) {
                due.add(new Object[] {"polygraph", r[0], r[0], last.plusMonths(((Number) r[1]).intValue())});
            }
        }
        return due;
    }

    /**
     * A nudge to each partner who does an active exercise (not paused today) of a couple in care, when its cadence
     * says it is due and it is not logged: a daily one not logged today; a weekly or n-times-a-week one when the
     * week's remaining days (today included) are one more than the times still to do, so there is still time; a
     * one-off not done two days after it starts. Once per assignment, partner and day (or week, or ever).
     */
    private int nudges(UUID clinicId, LocalDate today, Instant now) {
        LocalDate monday = today.with(java.time.DayOfWeek.MONDAY);
        @SuppressWarnings("unchecked")
        List<Object[]> due = em.createNativeQuery("select a.id, a.couple_id, p.id, a.cadence_kind, a.times_per_week,"
                + " a.starts_on, a.ends_on, (select count(*) from completion x where x.assignment_id = a.id"
                + " and x.partner_id = p.id and x.done_on >= ?3 and x.done_on <= ?2), (select count(*) from completion"
                + " x where x.assignment_id = a.id and x.partner_id = p.id), (select count(*) from completion x where"
                + " x.assignment_id = a.id and x.partner_id = p.id and x.done_on = ?2) from assignment a join couple c on c.id ="
                + " a.couple_id join partner p on p.couple_id = a.couple_id and (a.partner_id is null or a.partner_id"
                + " = p.id) where a.clinic_id = ?1 and a.status = 'ACTIVE' and c.status <> 'DISCHARGED'"
                + " and a.starts_on <= ?2 and (a.ends_on is null or a.ends_on >= ?2) and not exists (select 1 from"
                + " assignment_pause z where z.assignment_id = a.id and z.paused_from <= ?2 and (z.paused_until is null"
                + " or z.paused_until >= ?2))").setParameter(1, BinaryUuids.bytes(clinicId))
                .setParameter(2, java.sql.Date.valueOf(today)).setParameter(3, java.sql.Date.valueOf(monday))
                .getResultList();
        int made = 0;
        for (Object[] r : due) {
            Cadence cadence = Cadence.of(Cadence.Kind.valueOf((String) r[3]),
                    r[4] == null ? null : ((Number) r[4]).intValue());
            LocalDate starts = date(r[5]);
            LocalDate ends = date(r[6]);
            String period = nudgePeriod(cadence, starts, ends, today, ((Number) r[9]).intValue(),
                    ((Number) r[7]).intValue(), ((Number) r[8]).intValue());
            if (period != null) {
                UUID assignment = BinaryUuids.of((byte[]) r[0]);
                UUID partner = BinaryUuids.of((byte[]) r[2]);
                made += notifications.insert(new Notifications.Row(clinicId, BinaryUuids.of((byte[]) r[1]),
                        NotificationKind.HOMEWORK_NUDGE, partner, null, null, null, now, assignment),
                        "nudge:" + assignment + ":" + partner + ":" + period);
            }
        }
        return made;
    }

    /**
     * A reminder to each partner of a couple in care who keeps daily check-ins (wrote one in the last
     * {@code check-in-habit-days} days) and has not written today's. Once per partner and day. A partner who has
     * stopped writing them is not chased; one who turned reminders off is not sent it (the sender checks).
     */
    private int checkInReminders(UUID clinicId, LocalDate today, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> due = em.createNativeQuery("select p.id, p.couple_id from partner p join couple c on c.id ="
                + " p.couple_id where c.clinic_id = ?1 and c.status <> 'DISCHARGED' and exists (select 1 from check_in"
                + " k where k.partner_id = p.id and k.day >= ?3 and k.day < ?2) and not exists (select 1 from"
                + " check_in k where k.partner_id = p.id and k.day = ?2)").setParameter(1, BinaryUuids.bytes(clinicId))
                .setParameter(2, java.sql.Date.valueOf(today))
                .setParameter(3, java.sql.Date.valueOf(today.minusDays(config.checkInHabitDays())))
                .getResultList();
        int made = 0;
        for (Object[] r : due) {
            UUID partner = BinaryUuids.of((byte[]) r[0]);
            made += notifications.insert(new Notifications.Row(clinicId, BinaryUuids.of((byte[]) r[1]),
                    NotificationKind.CHECK_IN_REMINDER, partner, null, null, null, now),
                    "check-in:" + partner + ":" + today);
        }
        return made;
    }

    /** A date column as the driver returns it. */
    private static LocalDate date(Object value) {
        return value == null ? null : value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }

    /**
     * The period a nudge is for (its day, its week's Monday, or "once"), or null when none is due today: see
     * {@link #nudges}. The counts are the partner's completions today, since Monday and ever.
     */
    static String nudgePeriod(Cadence cadence, LocalDate starts, LocalDate ends, LocalDate today, int doneToday,
            int thisWeek, int ever) {
        switch (cadence.kind()) {
            case DAILY:
                return doneToday > 0 ? null : today.toString();
            case ONCE:
                LocalDate nudgeOn = starts.plusDays(2);
                if (ends != null && ends.isBefore(nudgeOn)) {
                    nudgeOn = ends;
                }
                return ever == 0 && !today.isBefore(nudgeOn) ? "once" : null;
            default:
                LocalDate monday = today.with(java.time.DayOfWeek.MONDAY);
                LocalDate sunday = monday.plusDays(6);
                LocalDate first = starts.isAfter(monday) ? starts : monday;
                LocalDate last = ends != null && ends.isBefore(sunday) ? ends : sunday;
                int toDo = cadence.dueInWeek((int) java.time.temporal.ChronoUnit.DAYS.between(first, last) + 1)
                        - thisWeek;
                long daysLeft = java.time.temporal.ChronoUnit.DAYS.between(today, last) + 1;
                return toDo > 0 && daysLeft <= toDo + 1 ? monday.toString() : null;
        }
    }
}
