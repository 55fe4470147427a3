package org.tandem.notification;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.tandem.common.persistence.BinaryUuids;
import org.tandem.webhook.Outbox;
import org.tandem.webhook.WebhookEvent;

/**
 * Sends due messages on every replica, each exactly once: a replica claims due rows with SKIP LOCKED and a lease
 * in one transaction (with the {@code reminder.due} webhook event of each reminder, so a clinic's SMS or push
 * service sends it too), renders and sends them outside it, and marks each SENT only when the SMTP server accepted
 * it, and only while its claim holds. A failure waits and tries again (the wait doubles), up to the last attempt.
 * A replica that dies mid-send lets its claims go after the lease; one whose mail the server accepted just before
 * it died is sent again then (the one way a message can go twice).
 */
@ApplicationScoped
public class NotificationSender {

    private static final Logger LOG = Logger.getLogger(NotificationSender.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm (zzz)",
            Locale.ENGLISH);

    /** A claimed message with what rendering it needs; no address, no name until it is sent. */
    record Claimed(UUID id, NotificationKind kind, UUID sessionId, UUID partnerId, Instant start, int attempts) {
    }

    /** Where and how: read at sending time, so a changed address or a discharge counts. */
    record Recipient(String email, boolean discharged, String clinic, ZoneId zone) {

        @Override
        public String toString() {
            return "Recipient[redacted]";
        }
    }

    private final EntityManager em;
    private final Mailer mailer;
    private final Outbox outbox;
    private final NotificationConfig config;
    private final Template message;
    private final String worker = "sender-" + UUID.randomUUID();

    NotificationSender(EntityManager em, Mailer mailer, Outbox outbox, NotificationConfig config,
            @Location("notifications/message.txt") Template message) {
        this.em = em;
        this.mailer = mailer;
        this.outbox = outbox;
        this.config = config;
        this.message = message;
    }

    /** Every {@code tandem.notifications.poll-interval} (10 s; off in the tests, which call {@link #sendDue}). */
    @Scheduled(every = "${tandem.notifications.poll-interval:10s}", delay = 5,
            delayUnit = java.util.concurrent.TimeUnit.SECONDS, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        sendDue(Instant.now());
    }

    /** Claims and sends every message due at {@code now}; returns how many it attempted. */
    public int sendDue(Instant now) {
        int attempted = 0;
        List<Claimed> batch;
        while (!(batch = claim(now, 20)).isEmpty()) {
            for (Claimed claimed : batch) {
                send(claimed, now);
                attempted++;
            }
        }
        return attempted;
    }

    private List<Claimed> claim(Instant now, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select id, kind, session_id, partner_id, session_start,"
                    + " attempts, couple_id, clinic_id, due_at from notification where due_at <= ?1 and ((status ="
                    + " 'PENDING' and next_attempt_at <= ?1) or (status = 'SENDING' and claimed_until < ?1))"
                    + " order by due_at, id limit ?2 for update skip locked")
                    .setParameter(1, Timestamp.from(now)).setParameter(2, limit).getResultList();
            List<Claimed> claimed = new ArrayList<>();
            for (Object[] r : rows) {
                UUID id = BinaryUuids.of((byte[]) r[0]);
                int attempts = ((Number) r[5]).intValue();
                em.createNativeQuery("update notification set status = 'SENDING', claimed_by = ?1, claimed_until = ?2,"
                        + " attempts = attempts + 1, updated_at = ?3 where id = ?4").setParameter(1, worker)
                        .setParameter(2, Timestamp.from(now.plus(config.lease())))
                        .setParameter(3, Timestamp.from(Instant.now())).setParameter(4, (byte[]) r[0])
                        .executeUpdate();
                Claimed c = new Claimed(id, NotificationKind.valueOf((String) r[1]), BinaryUuids.of((byte[]) r[2]),
                        BinaryUuids.of((byte[]) r[3]), NotificationLog.instant(r[4]), attempts + 1);
                if (c.kind() == NotificationKind.SESSION_REMINDER && attempts == 0) {
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("notificationId", id);
                    data.put("sessionId", c.sessionId());
                    data.put("coupleId", BinaryUuids.of((byte[]) r[6]));
                    data.put("partnerId", c.partnerId());
                    data.put("sessionStart", c.start().toString());
                    data.put("dueAt", NotificationLog.instant(r[8]).toString());
                    outbox.publish(BinaryUuids.of((byte[]) r[7]), WebhookEvent.REMINDER_DUE, data);
                }
                claimed.add(c);
            }
            return claimed;
        });
    }

    private void send(Claimed c, Instant now) {
        Recipient to;
        try {
            to = QuarkusTransaction.requiringNew().call(() -> recipient(c));
        } catch (RuntimeException e) {
            LOG.warnf("Notification %s: could not read its recipient (%s)", c.id(), e.getClass().getSimpleName());
            failed(c, now, "lookup-failed");
            return;
        }
        if (to.discharged()) {
            finish(c, NotificationStatus.WITHDRAWN, null, now);
            return;
        }
        if (to.email() == null || to.email().isBlank()) {
            finish(c, NotificationStatus.SKIPPED, "no-address", now);
            return;
        }
        String text;
        try {
            text = render(c, to);
        } catch (RuntimeException e) {
            LOG.errorf("Notification %s: its template did not render (%s)", c.id(), e.getClass().getSimpleName());
            failed(c, now, "render-failed");
            return;
        }
        try {
            mailer.send(Mail.withText(to.email(), subject(c.kind()), text));
        } catch (RuntimeException e) {
            // For the operator the kind of failure; the address is never logged.
            LOG.warnf("Notification %s: the mail server refused or could not be reached (%s)", c.id(),
                    e.getClass().getSimpleName());
            failed(c, now, "smtp-failed");
            return;
        }
        finish(c, NotificationStatus.SENT, null, now);
    }

    private Recipient recipient(Claimed c) {
        Object[] r = (Object[]) em.createNativeQuery("select p.email, c.status, k.name, k.time_zone from partner p"
                + " join couple c on c.id = p.couple_id join clinic k on k.id = c.clinic_id where p.id = ?1")
                .setParameter(1, BinaryUuids.bytes(c.partnerId())).getSingleResult();
        return new Recipient((String) r[0], "DISCHARGED".equals(r[1]), (String) r[2], ZoneId.of((String) r[3]));
    }

    /** The message: when, and a link into the clinic's app; never a name, a note or anything clinical. */
    String render(Claimed c, Recipient to) {
        String when = WHEN.format(c.start().atZone(to.zone()));
        String line = switch (c.kind()) {
            case SESSION_REMINDER -> "This is a reminder of your session on " + when + ".";
            case SESSION_SCHEDULED -> "A session was booked for you on " + when + ".";
            case SESSION_MOVED -> "Your session has moved. It is now on " + when + ".";
            case SESSION_CANCELLED -> "Your session on " + when + " was cancelled.";
        };
        return message.data("line", line)
                .data("clinic", to.clinic())
                .data("link", config.appUrl().replaceAll("/$", "") + "/sessions/" + c.sessionId())
                .render();
    }

    static String subject(NotificationKind kind) {
        return switch (kind) {
            case SESSION_REMINDER -> "Reminder: your upcoming session";
            case SESSION_SCHEDULED -> "A session was booked for you";
            case SESSION_MOVED -> "Your session has moved";
            case SESSION_CANCELLED -> "Your session was cancelled";
        };
    }

    /** Marks the outcome, if this replica still holds the claim (a lease that ran out passed it on). */
    private void finish(Claimed c, NotificationStatus status, String error, Instant now) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update notification set status = ?1,"
                + " last_error = ?2, sent_at = ?3, claimed_by = null, claimed_until = null, updated_at = ?4"
                + " where id = ?5 and claimed_by = ?6").setParameter(1, status.name()).setParameter(2, error)
                .setParameter(3, status == NotificationStatus.SENT ? Timestamp.from(Instant.now()) : null)
                .setParameter(4, Timestamp.from(Instant.now())).setParameter(5, BinaryUuids.bytes(c.id()))
                .setParameter(6, worker).executeUpdate());
    }

    private void failed(Claimed c, Instant now, String error) {
        if (c.attempts() >= config.maxAttempts()) {
            finish(c, NotificationStatus.GAVE_UP, error, now);
            return;
        }
        Duration wait = config.firstRetry().multipliedBy(1L << Math.min(c.attempts() - 1, 16));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update notification set status ="
                + " 'PENDING', last_error = ?1, next_attempt_at = ?2, claimed_by = null, claimed_until = null,"
                + " updated_at = ?3 where id = ?4 and claimed_by = ?5").setParameter(1, error)
                .setParameter(2, Timestamp.from(now.plus(wait))).setParameter(3, Timestamp.from(Instant.now()))
                .setParameter(4, BinaryUuids.bytes(c.id())).setParameter(5, worker).executeUpdate());
    }
}
