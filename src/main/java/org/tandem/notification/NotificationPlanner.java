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

/**
 * Plans the messages a schedule makes rather than a change: each therapist's agenda in the morning of a day they
 * have sessions, and a note to a couple's therapists when a treatment plan's or a boundary's review date has come.
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
}
