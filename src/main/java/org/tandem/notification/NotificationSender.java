package org.tandem.notification;

import io.quarkus.narayana.jta.QuarkusTransaction;
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
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
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
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);

    /** A claimed message with what rendering it needs; no address, no name until it is sent. */
    record Claimed(UUID id, NotificationKind kind, UUID sessionId, UUID partnerId, Instant start, int attempts,
            UUID coupleId, UUID therapistId, UUID assignmentId) {
    }

    /** Where and how: read at sending time, so a changed address, a choice or a discharge counts. */
    record Recipient(String email, boolean discharged, String clinic, ZoneId zone, NotificationPreference choices) {

        @Override
        public String toString() {
            return "Recipient[redacted]";
        }
    }

    private final EntityManager em;
    private final SmtpMail mailer;
    private final Outbox outbox;
    private final NotificationConfig config;
    private final Template message;
    private final org.tandem.common.TandemConfig base;
    private final DeliveryHistory history;
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    private final String worker = "sender-" + UUID.randomUUID();

    NotificationSender(EntityManager em, SmtpMail mailer, Outbox outbox, NotificationConfig config,
            org.tandem.common.TandemConfig base, DeliveryHistory history) {
        this.base = base;
        this.history = history;
        this.em = em;
        this.mailer = mailer;
        this.outbox = outbox;
        this.config = config;
        this.message = Engine.builder().addDefaults().removeStandaloneLines(true).build()
                .parse(template("/templates/notifications/message.txt"));
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
                    + " attempts, couple_id, clinic_id, due_at, therapist_id, assignment_id from notification where due_at <= ?1 and ((status ="
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
                Claimed c = new Claimed(id, NotificationKind.valueOf((String) r[1]), BinaryUuids.of((byte[]) r[2]), BinaryUuids.of((byte[]) r[3]),
                        NotificationLog.instant(r[4]), attempts + 1, BinaryUuids.of((byte[]) r[6]), BinaryUuids.of((byte[]) r[9]),
                        BinaryUuids.of((byte[]) r[10]));
                // Once per reminder: a wait for quiet hours gives the attempt back, so the count alone cannot say.
                if (c.kind() == NotificationKind.SESSION_REMINDER && attempts == 0 && !history.published(id)) {
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("notificationId", id);
                    data.put("sessionId", c.sessionId());
                    data.put("coupleId", BinaryUuids.of((byte[]) r[6]));
                    data.put("partnerId", c.partnerId());
                    data.put("sessionStart", c.start().toString());
                    data.put("dueAt", NotificationLog.instant(r[8]).toString());
                    NotificationPreference choices = em.find(NotificationPreference.class, c.partnerId());
                    data.put("smsAllowed", choices == null || (choices.isSmsEnabled() && choices.isRemindersEnabled()));
                    UUID event = outbox.publish(BinaryUuids.of((byte[]) r[7]), WebhookEvent.REMINDER_DUE, data);
                    if (event != null) {
                        history.record(id, DeliveryChannel.WEBHOOK, DeliveryOutcome.PUBLISHED, null,
                                event);
                    }
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
            finish(c, NotificationStatus.WITHDRAWN, "discharged", now);
            return;
        }
        NotificationPreference choices = to.choices();
        if (!choices.isEmailEnabled() || (c.kind().isReminder() && !choices.isRemindersEnabled())) {
            finish(c, NotificationStatus.SKIPPED, "opted-out", now);
            return;
        }
        if (choices.isQuiet(now.atZone(to.zone()).toLocalTime())) {
            Instant quietEnd = quietEnd(now, to.zone(), choices);
            if (c.kind() == NotificationKind.SESSION_REMINDER && !quietEnd.isBefore(c.start())) {
                finish(c, NotificationStatus.SKIPPED, "quiet-hours", now);
            } else {
                postpone(c, quietEnd);
            }
            return;
        }
        if (to.email() == null || to.email().isBlank()) {
            finish(c, NotificationStatus.SKIPPED, "no-address", now);
            return;
        }
        String token = unsubscribeToken(c);
        String text;
        try {
            text = render(c, to, token);
        } catch (RuntimeException e) {
            LOG.errorf("Notification %s: its template did not render (%s)", c.id(), e.getClass().getSimpleName());
            failed(c, now, "render-failed");
            return;
        }
        try {
            String unsubscribe = unsubscribeUrl(token);
            mailer.send(to.email(), subject(c.kind()), text, Map.of("List-Unsubscribe", "<" + unsubscribe + ">",
                    "List-Unsubscribe-Post", "List-Unsubscribe=One-Click"));
        } catch (RuntimeException e) {
            // For the operator the kind of failure; the address is never logged.
            LOG.warnf("Notification %s: the mail server refused or could not be reached (%s)", c.id(),
                    e.getMessage());
            failed(c, now, "smtp-failed");
            return;
        }
        finish(c, NotificationStatus.SENT, null, now);
    }

    private Recipient recipient(Claimed c) {
        if (c.therapistId() != null) {
            Object[] r = (Object[]) em.createNativeQuery("select t.email, k.name, k.time_zone from therapist t"
                    + " join clinic k on k.id = t.clinic_id where t.id = ?1")
                    .setParameter(1, BinaryUuids.bytes(c.therapistId())).getSingleResult();
            NotificationPreference choices = em.find(NotificationPreference.class, c.therapistId());
            return new Recipient((String) r[0], false, (String) r[1], ZoneId.of((String) r[2]),
                    choices == null ? new NotificationPreference(c.therapistId(), null, true) : choices);
        }
        Object[] r = (Object[]) em.createNativeQuery("select p.email, c.status, k.name, k.time_zone from partner p"
                + " join couple c on c.id = p.couple_id join clinic k on k.id = c.clinic_id where p.id = ?1")
                .setParameter(1, BinaryUuids.bytes(c.partnerId())).getSingleResult();
        NotificationPreference choices = em.find(NotificationPreference.class, c.partnerId());
        return new Recipient((String) r[0], "DISCHARGED".equals(r[1]), (String) r[2], ZoneId.of((String) r[3]),
                choices == null ? new NotificationPreference(c.partnerId(), null, false) : choices);
    }

    /**
     * The message, from the Qute template {@code templates/notifications/message.txt}: what happened and when, and a
     * link into the clinic's app; never a name, a note or anything clinical (the template is given nothing else).
     */
    String render(Claimed c, Recipient to, String token) {
        String link = config.appUrl().replaceAll("/$", "") + (c.kind() == NotificationKind.CHECK_IN_REMINDER
                ? "/check-ins" : c.sessionId() != null ? "/sessions/" + c.sessionId()
                : c.assignmentId() != null ? "/assignments/" + c.assignmentId()
                : c.coupleId() != null ? "/couples/" + c.coupleId() : "/agenda");
        TemplateInstance text = message.instance().data("kind", c.kind().name())
                .data("when", c.start() == null ? "" : WHEN.format(c.start().atZone(to.zone())))
                .data("link", link).data("unsubscribe", unsubscribeUrl(token)).data("clinic", to.clinic())
                .data("therapist", c.therapistId() != null);
        if (c.kind() == NotificationKind.AGENDA_DIGEST) {
            agenda(c, to, text);
        }
        return text.render().strip() + "\n";
    }

    /** The day's sessions as the digest says them: how many, and when the first starts; no couple, no name. */
    private void agenda(Claimed c, Recipient to, TemplateInstance text) {
        java.time.LocalDate day = c.start().atZone(to.zone()).toLocalDate();
        Instant from = day.atStartOfDay(to.zone()).toInstant();
        Instant until = day.plusDays(1).atStartOfDay(to.zone()).toInstant();
        @SuppressWarnings("unchecked")
        List<Object> starts = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("select starts_at"
                + " from therapy_session where therapist_id = ?1 and status = 'SCHEDULED' and starts_at >= ?2"
                + " and starts_at < ?3 order by starts_at").setParameter(1, BinaryUuids.bytes(c.therapistId()))
                .setParameter(2, Timestamp.from(from)).setParameter(3, Timestamp.from(until)).getResultList());
        text.data("day", DAY.format(day)).data("sessions", starts.size()).data("first", starts.isEmpty() ? ""
                : DateTimeFormatter.ofPattern("HH:mm").format(NotificationLog.instant(starts.get(0)).atZone(to.zone())));
    }

    /** The template's text, parsed once. */
    private static String template(String resource) {
        try (var in = NotificationSender.class.getResourceAsStream(resource)) {
            return new String(java.util.Objects.requireNonNull(in, resource).readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * A fresh one-click token for this message; only its SHA-256 is kept, on the message, while this replica still
     * holds the claim.
     */
    private String unsubscribeToken(Claimed c) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update notification set unsubscribe_hash"
                + " = ?1 where id = ?2 and claimed_by = ?3").setParameter(1, PreferenceService.sha256(token))
                .setParameter(2, BinaryUuids.bytes(c.id())).setParameter(3, worker).executeUpdate());
        return token;
    }

    private String unsubscribeUrl(String token) {
        return base.publicBaseUrl().orElse("http://localhost:8080").replaceAll("/$", "")
                + "/api/v1/unsubscribe?token=" + token;
    }

    /** The end of the quiet hours that hold at {@code now}: the next {@code until} in the clinic's zone. */
    static Instant quietEnd(Instant now, ZoneId zone, NotificationPreference choices) {
        java.time.ZonedDateTime local = now.atZone(zone);
        java.time.ZonedDateTime end = local.with(choices.getQuietUntil());
        return (end.isAfter(local) ? end : end.plusDays(1)).toInstant();
    }

    /** Waits until {@code at} without counting an attempt. */
    private void postpone(Claimed c, Instant at) {
        QuarkusTransaction.requiringNew().run(() -> {
            int held = em.createNativeQuery("update notification set status = 'PENDING', attempts = attempts - 1,"
                    + " next_attempt_at = ?1, claimed_by = null, claimed_until = null, updated_at = ?2 where id = ?3"
                    + " and claimed_by = ?4").setParameter(1, Timestamp.from(at))
                    .setParameter(2, Timestamp.from(Instant.now())).setParameter(3, BinaryUuids.bytes(c.id()))
                    .setParameter(4, worker).executeUpdate();
            if (held == 1) {
                history.record(c.id(), DeliveryChannel.EMAIL, DeliveryOutcome.POSTPONED,
                        "quiet-hours", null);
            }
        });
    }

    static String subject(NotificationKind kind) {
        return switch (kind) {
            case SESSION_REMINDER -> "Reminder: your upcoming session";
            case SESSION_SCHEDULED -> "A session was booked for you";
            case SESSION_MOVED -> "Your session has moved";
            case SESSION_CANCELLED -> "Your session was cancelled";
            case SAFETY_FLAG -> "A safety flag needs your attention";
            case AGENDA_DIGEST -> "Your sessions today";
            case REVIEW_DUE -> "A review is due";
            case SERIES_SKIPPED -> "A recurring session could not be booked";
            case HOMEWORK_NUDGE -> "A reminder of your exercise";
            case CHECK_IN_REMINDER -> "Today's check-in";
        };
    }

    /**
     * Marks the outcome and writes it in the history, if this replica still holds the claim (a lease that ran out
     * passed it on).
     */
    private void finish(Claimed c, NotificationStatus status, String error, Instant now) {
        QuarkusTransaction.requiringNew().run(() -> {
            int held = em.createNativeQuery("update notification set status = ?1, last_error = ?2, sent_at = ?3,"
                    + " claimed_by = null, claimed_until = null, updated_at = ?4 where id = ?5 and claimed_by = ?6")
                    .setParameter(1, status.name()).setParameter(2, error)
                    .setParameter(3, status == NotificationStatus.SENT ? Timestamp.from(Instant.now()) : null)
                    .setParameter(4, Timestamp.from(Instant.now())).setParameter(5, BinaryUuids.bytes(c.id()))
                    .setParameter(6, worker).executeUpdate();
            if (held == 1) {
                history.record(c.id(), status == NotificationStatus.WITHDRAWN ? null : DeliveryChannel.EMAIL,
                        DeliveryOutcome.valueOf(status.name()), error, null);
            }
        });
    }

    private void failed(Claimed c, Instant now, String error) {
        if (c.attempts() >= config.maxAttempts()) {
            finish(c, NotificationStatus.GAVE_UP, error, now);
            return;
        }
        Duration wait = config.firstRetry().multipliedBy(1L << Math.min(c.attempts() - 1, 16));
        QuarkusTransaction.requiringNew().run(() -> {
            int held = em.createNativeQuery("update notification set status = 'PENDING', last_error = ?1,"
                    + " next_attempt_at = ?2, claimed_by = null, claimed_until = null, updated_at = ?3 where id = ?4"
                    + " and claimed_by = ?5").setParameter(1, error).setParameter(2, Timestamp.from(now.plus(wait)))
                    .setParameter(3, Timestamp.from(Instant.now())).setParameter(4, BinaryUuids.bytes(c.id()))
                    .setParameter(5, worker).executeUpdate();
            if (held == 1) {
                history.record(c.id(), DeliveryChannel.EMAIL, DeliveryOutcome.FAILED, error, null);
            }
        });
    }
}
