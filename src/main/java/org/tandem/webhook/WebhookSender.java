package org.tandem.webhook;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;
import org.tandem.common.persistence.BinaryUuids;
import org.tandem.common.persistence.Jdbc;
import org.tandem.crypto.ClinicCipher;

/**
 * Sends due deliveries from the outbox on every replica. A delivery is claimed with SKIP LOCKED and leased by
 * moving its next_attempt_at forward, so no two replicas send it at once and a sender that dies lets it go after
 * the lease. Each request is signed: {@code Tandem-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "<t>.<body>" with the endpoint's secret>}. Failures back off exponentially; after the last attempt the delivery
 * is DEAD until an admin redelivers it. Delivery is at least once: receivers dedupe on the event id.
 */
@ApplicationScoped
public class WebhookSender {

    public static final String SIGNATURE = "Tandem-Signature";
    public static final String EVENT_ID = "Tandem-Event-Id";
    public static final String EVENT_TYPE = "Tandem-Event-Type";
    static final String SECRET_PURPOSE = org.tandem.crypto.SealedColumn.WEBHOOK_SECRET.purpose();
    private static final Logger LOG = Logger.getLogger(WebhookSender.class);
    private static final Duration MAX_BACKOFF = Duration.ofHours(6);

    private record Due(byte[] id, byte[] endpointId, String url, byte[] keyId, byte[] secret, String eventId,
            String type, String payload, int attempts) {
    }

    private final Jdbc jdbc;
    private final ClinicCipher cipher;
    private final WebhookConfig config;
    private final WebhookTargets targets;
    private final Vertx vertx;
    private final HttpClientOptions options;

    WebhookSender(Jdbc jdbc, ClinicCipher cipher, WebhookConfig config, WebhookTargets targets, Vertx vertx) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.config = config;
        this.targets = targets;
        this.vertx = vertx;
        // Host names are verified against the certificate (SNI and verifyHost use the URL's host), while the
        // connection goes to the address WebhookTargets checked; redirects are never followed.
        this.options = new HttpClientOptions().setVerifyHost(true).setForceSni(true).setKeepAlive(false)
                .setConnectTimeout((int) this.config.connectTimeout().toMillis());
    }

    @Scheduled(every = "${tandem.webhooks.poll-interval}", delay = 5,
            delayUnit = java.util.concurrent.TimeUnit.SECONDS, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        sendDue();
    }

    /** Claims and sends due deliveries until none is left; returns how many it attempted. */
    public int sendDue() {
        int sent = 0;
        List<Due> batch;
        while (!(batch = claim(20)).isEmpty()) {
            for (Due due : batch) {
                send(due);
                sent++;
            }
        }
        return sent;
    }

    private void send(Due due) {
        Integer status = null;
        String error;
        try {
            // Checked again at every delivery: the name may resolve elsewhere now than at registration.
            WebhookTargets.Target target = targets.check(URI.create(due.url()));
            String secret = QuarkusTransaction.requiringNew().call(() -> cipher.open(BinaryUuids.of(due.keyId()),
                    SECRET_PURPOSE, BinaryUuids.of(due.endpointId()), due.secret()));
            status = post(target, due, secret);
            error = status >= 200 && status < 300 ? null : "http-status";
        } catch (WebhookTargets.Refused e) {
            error = e.category();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (Exception e) {
            error = category(e);
            // For the operator: the cause's class, which the admins' delivery log never shows.
            LOG.debugf("Webhook delivery %s failed (%s): %s", BinaryUuids.of(due.id()), error, e);
        }
        record(due, error == null, status, error);
    }

    /** POSTs the event to the checked address, signed; the answer's status. */
    private int post(WebhookTargets.Target target, Due due, String secret) throws Exception {
        long t = Instant.now().getEpochSecond();
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(target.port(), target.address().getHostAddress()))
                .setHost(target.host()).setPort(target.port()).setSsl(target.tls()).setURI(target.pathAndQuery())
                .setFollowRedirects(false).setConnectTimeout(config.connectTimeout().toMillis())
                .setIdleTimeout(config.answerTimeout().toMillis())
                .putHeader("Content-Type", "application/json")
                .putHeader("User-Agent", "Tandem-Webhooks/1")
                .putHeader(EVENT_ID, due.eventId())
                .putHeader(EVENT_TYPE, due.type())
                .putHeader(SIGNATURE, "t=" + t + ",v1=" + sign(secret, t, due.payload()));
        // A client of its own for each delivery: one receiver that hangs cannot hold a pooled slot another needs.
        HttpClient http = vertx.createHttpClient(options);
        try {
            return http.request(request)
                    .compose(r -> r.send(Buffer.buffer(due.payload().getBytes(StandardCharsets.UTF_8))))
                    // The status is all that counts: the body is never read, and the connection is closed.
                    .map(r -> {
                        r.request().connection().close();
                        return r.statusCode();
                    })
                    .toCompletionStage().toCompletableFuture()
                    .get(config.connectTimeout().plus(config.answerTimeout()).toSeconds() + 5, TimeUnit.SECONDS);
        } finally {
            http.close();
        }
    }

    /**
     * What went wrong, as a category for the delivery log: never an exception's class or message, which would
     * tell an admin more about the network than whether the receiver answered.
     */
    static String category(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof java.util.concurrent.TimeoutException || c instanceof java.net.SocketTimeoutException
                    || c instanceof io.netty.channel.ConnectTimeoutException
                    || (c instanceof io.vertx.core.VertxException && c.getMessage() != null
                            && c.getMessage().toLowerCase(java.util.Locale.ROOT).contains("timeout"))) {
                return "timeout";
            }
            if (c instanceof java.net.ConnectException || c instanceof java.net.NoRouteToHostException) {
                return "refused";
            }
            if (c instanceof javax.net.ssl.SSLException || c instanceof java.security.cert.CertificateException) {
                return "tls";
            }
            if (c instanceof java.net.UnknownHostException) {
                return "unresolvable";
            }
        }
        return "error";
    }

    /** HMAC-SHA256 over "<t>.<body>", hex; what receivers recompute (docs/integrations.md). */
    public static String sign(String secret, long t, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Due> claim(int limit) {
        try {
            return jdbc.inTransaction(c -> claim(c, limit));
        } catch (IllegalStateException e) {
            LOG.errorf("Could not claim webhook deliveries (%s)", e.getCause() == null ? "?"
                    : e.getCause().getClass().getSimpleName());
            return List.of();
        }
    }

    /** Selects due deliveries and leases them by moving next_attempt_at forward, in one transaction. */
    private List<Due> claim(Connection c, int limit) throws SQLException {
        List<Due> due = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select d.id, d.endpoint_id, e.url, e.secret_key_id,"
                + " e.secret_ciphertext, hex(o.id), o.event_type, o.payload, d.attempts from webhook_delivery d"
                + " join webhook_endpoint e on e.id = d.endpoint_id join outbox_event o on o.id = d.event_id"
                + " where d.status = 'PENDING' and e.active = true and d.next_attempt_at <= ?"
                + " order by d.next_attempt_at limit ?"
                + " for update skip locked")) {
            s.setTimestamp(1, Timestamp.from(Instant.now()));
            s.setInt(2, limit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    due.add(new Due(r.getBytes(1), r.getBytes(2), r.getString(3), r.getBytes(4), r.getBytes(5),
                            BinaryUuids.ofHex(r.getString(6)).toString(), r.getString(7),
                            r.getString(8), r.getInt(9)));
                }
            }
        }
        try (PreparedStatement lease = c.prepareStatement(
                "update webhook_delivery set next_attempt_at = ? where id = ?")) {
            for (Due d : due) {
                lease.setTimestamp(1, Timestamp.from(Instant.now().plus(config.lease())));
                lease.setBytes(2, d.id());
                lease.addBatch();
            }
            lease.executeBatch();
        }
        return due;
    }

    private void record(Due due, boolean ok, Integer status, String error) {
        int attempts = due.attempts() + 1;
        Instant next = Instant.now();
        String state;
        if (ok) {
            state = "DELIVERED";
        } else if (attempts >= config.maxAttempts()) {
            state = "DEAD";
            LOG.warnf("Webhook delivery %s is dead after %d attempts", BinaryUuids.of(due.id()), attempts);
        } else {
            state = "PENDING";
            long factor = 1L << Math.min(attempts - 1, 20);
            Duration wait = config.backoff().multipliedBy(factor);
            next = next.plus(wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait);
        }
        String sql = "update webhook_delivery set status = ?, attempts = ?, last_status = ?, last_error = ?,"
                + " next_attempt_at = ?, delivered_at = ? where id = ?";
        try {
            jdbc.update(sql, state, attempts, status, error, next, ok ? Instant.now() : null, due.id());
        } catch (IllegalStateException e) {
            LOG.errorf("Could not record webhook delivery %s", BinaryUuids.of(due.id()));
        }
    }

}
