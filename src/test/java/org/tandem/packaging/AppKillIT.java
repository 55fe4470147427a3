package org.tandem.packaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tandem.testsupport.ExportRows;
import org.tandem.testsupport.HookReceiver;
import org.tandem.testsupport.PackagedApp;
import org.tandem.testsupport.TandemServices;
import org.tandem.testsupport.Tokens;

/**
 * The packaged app is killed outright (SIGKILL: an OOM kill, a node lost), not stopped, while an export is being
 * written and while a webhook delivery is waiting for its retry. Another instance started afterwards (as
 * Kubernetes starts a new pod) takes the export over once its heartbeat is stale and finishes it with every row,
 * and sends the delivery the dead one owed. Killed under read load, it leaves an audit event for every read it
 * answered, once. Nothing lives only in the memory of a process.
 */
class AppKillIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final int ROWS = 150_000;

    private static TandemServices services;
    private static Map<String, String> config;
    private static HookReceiver receiver;
    private static final Path target = Path.of("target/app-kill");

    @BeforeAll
    static void startServices() throws Exception {
        Files.createDirectories(target);
        services = new TandemServices();
        config = PackagedApp.config(services.start());
        // Short clocks, so a takeover and a retry happen within the test.
        config.put("tandem.exports.poll-interval", "1s");
        config.put("tandem.exports.heartbeat-timeout", "5s");
        config.put("tandem.exports.chunk-size", "65536");
        config.put("tandem.webhooks.poll-interval", "1s");
        config.put("tandem.webhooks.backoff", "2s");
        config.put("tandem.webhooks.lease", "5s");
        config.put("tandem.webhooks.allow-http", "true");
        // The test's receiver is on this machine: allowed explicitly, as an operator allows one on premises.
        config.put("tandem.webhooks.allowed-networks", "127.0.0.1/32");
        receiver = new HookReceiver();
    }

    @AfterAll
    static void stopServices() {
        if (receiver != null) {
            receiver.close();
        }
        if (services != null) {
            services.stop();
        }
    }

    @Test
    void anExportAndAPendingWebhookSurviveTheAppBeingKilled() throws Exception {
        String coupleId;
        String exportId;
        String eventPartner;
        try (PackagedApp first = start("first")) {
            String admin = token("admin1");
            String therapist = token("therapist1");
            first.call(therapist, "GET", "/api/v1/couples", null);
            JsonNode couple = first.call(therapist, "POST", "/api/v1/couples", "{\"partners\":[{\"fullName\":"
                    + "\"Kill A\",\"recoveryRole\":\"IN_RECOVERY\"},{\"fullName\":\"Kill B\","
                    + "\"recoveryRole\":\"PARTNER\"}]}");
            coupleId = couple.get("id").asText();
            eventPartner = couple.at("/partners/0/id").asText();
            // ROWS ratings over three years, straight into the database, so the export runs long enough to be killed.
            try (Connection c = jdbc()) {
                ExportRows.seed(c, UUID.fromString(coupleId), UUID.fromString(eventPartner), ROWS);
            }

            // A webhook whose receiver fails for now: the delivery waits for its retry in the database.
            first.call(admin, "POST", "/api/v1/webhooks", "{\"url\":\"" + receiver.url()
                    + "\",\"events\":[\"measurement.recorded\"]}");
            first.call(therapist, "POST", "/api/v1/couples/" + coupleId + "/measurements", "{\"metric\":\"hope\","
                    + "\"date\":\"" + LocalDate.now().minusDays(1) + "\",\"value\":8,\"source\":\"THERAPIST\","
                    + "\"partnerId\":\"" + eventPartner + "\"}");
            await().atMost(Duration.ofSeconds(30)).until(() -> deliveryAttempts() >= 1);

            // An export, killed mid-way.
            exportId = first.call(admin, "POST", "/api/v1/exports", "{\"kind\":\"OBSERVATIONS\",\"format\":\"CSV\","
                    + "\"from\":\"2023-01-01\",\"to\":\"2025-12-31\"}").get("id").asText();
            String id = exportId;
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
                JsonNode job = first.call(admin, "GET", "/api/v1/exports/" + id, null);
                return "RUNNING".equals(job.get("status").asText()) && job.get("rowsWritten").asLong() > 0;
            });
            first.kill();
        }
        JsonNode killed = exportRow(exportId);
        assertEquals("RUNNING", killed.get("status").asText(), "the kill left the export unfinished");
        assertTrue(killed.get("rows").asLong() < ROWS, "the kill came mid-way");
        assertEquals(0, receiver.accepted().size(), "nothing delivered yet");

        receiver.answer(204);
        try (PackagedApp second = start("second")) {
            String admin = token("admin1");
            String id = exportId;
            JsonNode done = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .until(() -> second.call(admin, "GET", "/api/v1/exports/" + id, null),
                            job -> job.get("status").asText().matches("SUCCEEDED|FAILED"));
            assertEquals("SUCCEEDED", done.get("status").asText());
            assertEquals(2, done.get("attempts").asInt(), "taken over once, by the new instance");
            assertEquals(ROWS, done.get("rowsWritten").asLong());
            assertEquals(ROWS + 1, csvLines(second, admin, id), "every row once, plus the header");

            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.accepted().size() >= 1);
            String delivered = receiver.accepted().get(0);
            assertTrue(delivered.contains("measurement.recorded") && delivered.contains(coupleId),
                    "the owed delivery arrives, about the measurement: " + delivered.length() + " chars");
        }
    }

    /**
     * Reads are audited by group commit (AuditWriter): the answer waits for its batch's commit. Killed under read
     * load, the app leaves an audit event for every read it answered 200, each exactly once; reads cut off by the
     * kill got no answer.
     */
    @Test
    void everyReadAnsweredBeforeAKillHasItsAuditEventOnce() throws Exception {
        Set<String> answered = ConcurrentHashMap.newKeySet();
        AtomicInteger cutOff = new AtomicInteger();
        String coupleId;
        try (PackagedApp app = start("audit")) {
            String therapist = token("therapist1");
            coupleId = app.call(therapist, "POST", "/api/v1/couples", "{\"partners\":[{\"fullName\":"
                    + "\"Audit A\",\"recoveryRole\":\"IN_RECOVERY\"},{\"fullName\":\"Audit B\","
                    + "\"recoveryRole\":\"PARTNER\"}]}").get("id").asText();
            AtomicBoolean running = new AtomicBoolean(true);
            List<Thread> clients = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                Thread client = new Thread(() -> {
                    while (running.get()) {
                        String requestId = "kill-read-" + UUID.randomUUID();
                        try {
                            HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUrl()
                                    + "/api/v1/couples/" + coupleId)).header("Authorization", "Bearer " + therapist)
                                    .header("X-Request-Id", requestId).timeout(Duration.ofSeconds(10)).build(),
                                    HttpResponse.BodyHandlers.discarding());
                            if (r.statusCode() == 200) {
                                answered.add(requestId);
                            }
                        } catch (java.io.IOException | InterruptedException e) {
                            cutOff.incrementAndGet(); // no answer: the kill came first
                        }
                    }
                });
                client.start();
                clients.add(client);
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> answered.size() >= 500);
            app.kill();
            running.set(false);
            for (Thread client : clients) {
                client.join(15_000);
            }
        }
        Map<String, Integer> events = new HashMap<>();
        int duplicated = 0;
        try (Connection c = jdbc(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "select request_id, count(*) from audit_event where request_id like 'kill-read-%'"
                        + " and action = 'couple.read' group by request_id")) {
            while (r.next()) {
                events.put(r.getString(1), r.getInt(2));
                duplicated += r.getInt(2) > 1 ? 1 : 0;
            }
        }
        assertTrue(answered.size() >= 500, "reads were answered under load: " + answered.size() + " (cut off by the"
                + " kill: " + cutOff.get() + ")");
        Set<String> unaudited = new java.util.HashSet<>(answered);
        unaudited.removeAll(events.keySet());
        assertEquals(Set.of(), unaudited, "every read answered 200 has its audit event");
        assertEquals(0, duplicated, "no event twice");
    }

    private static PackagedApp start(String name) throws Exception {
        PackagedApp app = PackagedApp.start(Path.of(System.getProperty("tandem-devenv.app-dir")),
                List.of("-Xmx256m"), config, TandemServices.freePort(), target.resolve(name + ".log"));
        app.awaitReady(Duration.ofMinutes(2));
        return app;
    }

    private static long deliveryAttempts() throws Exception {
        try (Connection c = jdbc(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select coalesce(sum(attempts), 0) from webhook_delivery")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static JsonNode exportRow(String id) throws Exception {
        try (Connection c = jdbc(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "select status, rows_written from export_job where id = unhex('" + id.replace("-", "") + "')")) {
            r.next();
            return JSON.createObjectNode().put("status", r.getString(1)).put("rows", r.getLong(2));
        }
    }

    private static long csvLines(PackagedApp app, String token, String id) throws Exception {
        HttpResponse<InputStream> response = HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUrl()
                + "/api/v1/exports/" + id + "/content")).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        boolean gzip = response.headers().firstValue("Content-Encoding").map("gzip"::equals).orElse(false);
        try (InputStream body = gzip ? new GZIPInputStream(response.body()) : response.body()) {
            return new String(body.readAllBytes(), StandardCharsets.UTF_8).lines().count();
        }
    }

    private static String token(String username) {
        return Tokens.password(config.get("quarkus.oidc.auth-server-url"), username);
    }

    private static Connection jdbc() throws Exception {
        return DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"));
    }
}
