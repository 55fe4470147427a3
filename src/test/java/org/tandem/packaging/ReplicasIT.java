package org.tandem.packaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.tandem.testsupport.HookReceiver;
import org.tandem.testsupport.PackagedApp;
import org.tandem.testsupport.TandemServices;
import org.tandem.testsupport.Tokens;

/**
 * Three replicas of the packaged app (prod profile) against one MariaDB, one Keycloak and one SMTP server, every
 * scheduler running on each, as a Deployment scaled to three runs them: one client's rate limit holds across them,
 * one Idempotency-Key executes once, webhook deliveries and notices go once and survive a replica killed outright,
 * each export job runs once, a deactivation holds on every replica within seconds, and a rolling restart gives clients only retryable errors
 * while the series extension, running on all three, makes each occurrence once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private static final Path TARGET = Path.of("target/replicas");

    private static TandemServices services;
    private static Map<String, String> config;
    private static HookReceiver receiver;
    /** The replicas in the load balancer's rotation, as the Service's endpoints would list them. */
    private static final List<PackagedApp> rotation = new CopyOnWriteArrayList<>();
    private static final AtomicInteger started = new AtomicInteger();
    private static final AtomicInteger next = new AtomicInteger();

    @BeforeAll
    static void startThreeReplicas() throws Exception {
        Files.createDirectories(TARGET);
        services = new TandemServices();
        config = PackagedApp.config(services.start());
        config.put("tandem.webhooks.poll-interval", "1s");
        config.put("tandem.webhooks.backoff", "2s");
        config.put("tandem.webhooks.lease", "5s");
        config.put("tandem.webhooks.allow-http", "true");
        config.put("tandem.webhooks.allowed-networks", "127.0.0.1/32");
        config.put("tandem.notifications.poll-interval", "1s");
        config.put("tandem.notifications.lease", "5s");
        config.put("tandem.mail.start-tls", "DISABLED"); // the test's SMTP server has no TLS
        // The clients of the rolling restart send as fast as they can; the limit under test is clinic-readonly's.
        config.put("tandem.rate-limit.capacity", "1000000");
        config.put("tandem.rate-limit.clients.clinic-readonly", "30");
        config.put("tandem.exports.poll-interval", "1s");
        config.put("tandem.scheduling.extend-interval", "2s");
        config.put("tandem.scheduling.extend-delay", "1s");
        // As the chart runs it: a stop first serves what is in flight while the endpoints are updated.
        config.put("quarkus.shutdown.delay", "2s");
        receiver = new HookReceiver();
        List<CompletableFuture<PackagedApp>> starting = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            starting.add(CompletableFuture.supplyAsync(() -> start(Map.of())));
        }
        starting.forEach(f -> rotation.add(f.join()));
    }

    @AfterAll
    static void stopEverything() {
        rotation.forEach(PackagedApp::close);
        if (receiver != null) {
            receiver.close();
        }
        if (services != null) {
            services.stop();
        }
    }

    @Test
    @Order(1)
    void oneClientsRateLimitHoldsAcrossReplicas() throws Exception {
        String token = clientToken("clinic-readonly", "clinic-readonly-secret");
        Map<Integer, Integer> statuses = new HashMap<>();
        Set<Integer> refusedBy = new HashSet<>();
        for (int i = 0; i < 45; i++) {
            PackagedApp replica = rotation.get(i % 3);
            int status = send(replica, token, "GET", "/api/v1/sessions", null, Map.of()).statusCode();
            statuses.merge(status, 1, Integer::sum);
            if (status == 429) {
                refusedBy.add(i % 3);
            }
        }
        int allowed = statuses.getOrDefault(200, 0);
        // 30 a minute, one token back every 2 s: the requests take a few seconds, so one or two more may pass.
        assertTrue(allowed >= 30 && allowed <= 33, "one bucket for the three replicas, not three: " + statuses);
        assertEquals(45, allowed + statuses.getOrDefault(429, 0), statuses.toString());
        assertEquals(3, refusedBy.size(), "every replica refuses once the shared bucket is empty");
    }

    @Test
    @Order(2)
    void theSameIdempotencyKeySentToTwoReplicasAtOnceExecutesOnce() throws Exception {
        String therapist = token("therapist1");
        long before = count("select count(*) from couple");
        String key = UUID.randomUUID().toString();
        String body = "{\"partners\":[{\"fullName\":\"Replica A\",\"recoveryRole\":\"IN_RECOVERY\"},"
                + "{\"fullName\":\"Replica B\",\"recoveryRole\":\"PARTNER\"}]}";
        Map<String, String> headers = Map.of("Idempotency-Key", key);
        CompletableFuture<HttpResponse<String>> one = CompletableFuture.supplyAsync(
                () -> send(rotation.get(0), therapist, "POST", "/api/v1/couples", body, headers));
        CompletableFuture<HttpResponse<String>> two = CompletableFuture.supplyAsync(
                () -> send(rotation.get(1), therapist, "POST", "/api/v1/couples", body, headers));
        List<HttpResponse<String>> answers = List.of(one.join(), two.join());
        Set<String> ids = new HashSet<>();
        for (HttpResponse<String> answer : answers) {
            // 201 (made, or the first one's answer replayed), or 409 while the first is still running: retryable.
            assertTrue(answer.statusCode() == 201 || answer.statusCode() == 409, answer.statusCode() + " "
                    + answer.body());
            if (answer.statusCode() == 201) {
                ids.add(JSON.readTree(answer.body()).get("id").asText());
            }
        }
        HttpResponse<String> retry = send(rotation.get(2), therapist, "POST", "/api/v1/couples", body, headers);
        assertEquals(201, retry.statusCode(), retry.body());
        ids.add(JSON.readTree(retry.body()).get("id").asText());
        assertEquals(1, ids.size(), "every answer names the one couple: " + ids);
        assertEquals(before + 1, count("select count(*) from couple"), "made once");
    }

    @Test
    @Order(3)
    void deliveriesAndNoticesGoOnceAndSurviveAReplicaKilled() throws Exception {
        String admin = token("admin1");
        String therapist = token("therapist1");
        call(rotation.get(0), admin, "POST", "/api/v1/webhooks", "{\"url\":\"" + receiver.url()
                + "\",\"events\":[\"session.scheduled\"]}");
        String u = UUID.randomUUID().toString().substring(0, 8);
        String kit = "kit-" + u + "@example.invalid";
        String lee = "lee-" + u + "@example.invalid";
        String couple = call(rotation.get(1), therapist, "POST", "/api/v1/couples", "{\"partners\":[{\"fullName\":"
                + "\"Kit\",\"email\":\"" + kit + "\",\"recoveryRole\":\"IN_RECOVERY\"},{\"fullName\":\"Lee\","
                + "\"email\":\"" + lee + "\",\"recoveryRole\":\"PARTNER\"}]}").get("id").asText();
        int sessions = 6;
        LocalDate day = LocalDate.of(2034, 3, 6);
        for (int i = 0; i < sessions; i++) {
            call(rotation.get(i % 3), therapist, "POST", "/api/v1/sessions", "{\"coupleId\":\"" + couple
                    + "\",\"kind\":\"JOINT\",\"modality\":\"IN_PERSON\",\"location\":\"Room 1\",\"start\":\""
                    + day.plusWeeks(i) + "T09:00\",\"end\":\"" + day.plusWeeks(i) + "T09:50\"}");
        }
        // The receiver fails for now: deliveries wait for their retries, claimed by the three replicas in turn.
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.attempts() >= sessions);
        rotation.remove(0).kill(); // SIGKILL, mid-work: whatever it had claimed, its lease runs out
        rotation.add(start(Map.of()));
        receiver.answer(204);
        await("every delivery, after the kill").atMost(Duration.ofSeconds(60)).until(() -> receiver.accepted().size() >= sessions);
        // No second copy while the three keep polling (each every second): the count holds for four seconds.
        await("no second copy of a delivery").during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10))
                .until(() -> receiver.accepted().size() == sessions);
        Set<String> events = new HashSet<>();
        for (String body : receiver.accepted()) {
            events.add(JSON.readTree(body).get("id").asText());
        }
        assertEquals(sessions, events.size(), "each event delivered");
        assertEquals(sessions, receiver.accepted().size(), "and once: nothing was accepted while a replica was killed");

        // The notices of the bookings: one per session to each partner, through whichever replica claimed it (a
        // notice the killed replica had claimed is taken over when its lease runs out).
        try {
            await("the notices").atMost(Duration.ofSeconds(60)).until(() -> sessionsNoticed(kit).size() >= sessions
                    && sessionsNoticed(lee).size() >= sessions);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("the notices, so far: " + notices(), e);
        }
        // No further copies while the senders keep polling: each partner's count holds for three seconds.
        int kitMails = mailTo(kit);
        int leeMails = mailTo(lee);
        await("no further notices").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> mailTo(kit) == kitMails && mailTo(lee) == leeMails);
        for (String partner : List.of(kit, lee)) {
            assertEquals(sessions, sessionsNoticed(partner).size(), "a notice of each session");
            // The one way a message goes twice: the SMTP server accepted it just before its sender was killed.
            assertTrue(mailTo(partner) - sessions <= 1, "each notice once (but one the killed replica was"
                    + " sending): " + mailTo(partner) + " for " + sessions + " sessions");
        }
    }

    /** Export jobs, polled for by the three every second: each is run by one of them, once. */
    @Test
    @Order(4)
    void eachExportJobRunsOnceOnOneReplica() throws Exception {
        String admin = token("admin1");
        List<String> jobs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            jobs.add(call(rotation.get(i), admin, "POST", "/api/v1/exports", "{\"kind\":\"OBSERVATIONS\","
                    + "\"format\":\"CSV\",\"from\":\"2033-01-01\",\"to\":\"2035-12-31\"}").get("id").asText());
        }
        for (String id : jobs) {
            JsonNode done = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> call(rotation.get(2), admin, "GET", "/api/v1/exports/" + id, null),
                            job -> job.get("status").asText().matches("SUCCEEDED|FAILED"));
            assertEquals("SUCCEEDED", done.get("status").asText(), done.toString());
            assertEquals(1, done.get("attempts").asInt(), "claimed once, by one of the three");
        }
    }

    @Test
    @Order(5)
    void aDeactivationHoldsOnEveryReplicaWithinSeconds() throws Exception {
        String admin = token("admin1");
        String leaving = token("therapist2");
        for (PackagedApp replica : rotation) {
            assertEquals(200, send(replica, leaving, "GET", "/api/v1/couples", null, Map.of()).statusCode(),
                    "known to every replica (and in each one's caller cache) before");
        }
        String id = null;
        JsonNode staff = call(rotation.get(0), admin, "GET", "/api/v1/staff", null);
        for (JsonNode member : staff.has("items") ? staff.get("items") : staff) {
            if ("therapist2".equals(member.get("username").asText())) {
                id = member.get("id").asText();
            }
        }
        assertTrue(id != null, staff.toString());
        long at = System.nanoTime();
        call(rotation.get(0), admin, "POST", "/api/v1/staff/" + id + "/deactivate", null);
        await("refused on every replica").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> rotation.stream().allMatch(r -> {
                    int status = send(r, leaving, "GET", "/api/v1/couples", null, Map.of()).statusCode();
                    return status == 401 || status == 403;
                }));
        Duration took = Duration.ofNanos(System.nanoTime() - at);
        assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "within seconds: " + took);
    }

    @Test
    @Order(6)
    void aRollingRestartGivesClientsOnlyRetryableErrorsAndTheSeriesExtendsOnce() throws Exception {
        String therapist = token("therapist1");
        String couple = call(rotation.get(0), therapist, "POST", "/api/v1/couples", "{\"partners\":[{\"fullName\":"
                + "\"Roll A\",\"recoveryRole\":\"IN_RECOVERY\"},{\"fullName\":\"Roll B\",\"recoveryRole\":"
                + "\"PARTNER\"}]}").get("id").asText();
        JsonNode series = call(rotation.get(1), therapist, "POST", "/api/v1/session-series", "{\"coupleId\":\""
                + couple + "\",\"kind\":\"JOINT\",\"modality\":\"IN_PERSON\",\"location\":\"Room 3\","
                + "\"firstStart\":\"" + LocalDate.now().plusDays(2) + "T07:00\",\"durationMinutes\":50}");
        int before = series.get("occurrences").size();

        // Clients keep working: each request goes to the next replica in rotation; a refused connection or a
        // 503 is retried on the next one, as a client (or the ingress) retries an idempotent GET.
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger retried = new AtomicInteger();
        Map<String, Integer> failures = new ConcurrentHashMap<>();
        List<CompletableFuture<Void>> clients = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            clients.add(CompletableFuture.runAsync(() -> {
                while (running.get()) {
                    PackagedApp replica = rotation.get(Math.floorMod(next.getAndIncrement(), rotation.size()));
                    try {
                        int status = HTTP.send(request(replica, therapist, "GET", "/api/v1/couples", null, Map.of()),
                                HttpResponse.BodyHandlers.discarding()).statusCode();
                        if (status == 200) {
                            ok.incrementAndGet();
                        } else if (status == 503) {
                            retried.incrementAndGet();
                        } else {
                            failures.merge(Integer.toString(status), 1, Integer::sum);
                        }
                    } catch (IOException refusedOrReset) {
                        retried.incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }));
        }
        // One at a time, as the Deployment rolls (maxSurge 1, maxUnavailable 0), each new one with a longer
        // horizon for the open-ended series: the new replicas, all three extending every 2 s, add the weeks.
        for (int i = 0; i < 3; i++) {
            PackagedApp fresh = start(Map.of("tandem.scheduling.horizon-weeks", "16"));
            rotation.add(fresh);
            PackagedApp old = rotation.get(0);
            old.close(); // SIGTERM: readiness goes down, in-flight requests finish, then it stops
            rotation.remove(old);
        }
        // The clients go on against the three new replicas before they stop.
        int answeredAfterRoll = ok.get();
        await("answers from the new replicas").atMost(Duration.ofSeconds(30))
                .until(() -> ok.get() >= answeredAfterRoll + 50);
        running.set(false);
        CompletableFuture.allOf(clients.toArray(CompletableFuture[]::new)).join();
        assertTrue(ok.get() > 100, "the clients kept working: " + ok + " answered, " + retried + " retried");
        assertEquals(Map.of(), failures, "no error but retryable ones (" + retried + " retried)");

        String path = "/api/v1/session-series/" + series.get("id").asText();
        await("the series extended to sixteen weeks").atMost(Duration.ofSeconds(30)).until(() ->
                call(rotation.get(0), therapist, "GET", path, null).get("occurrences").size() >= 16);
        // Several more rounds of extension on three replicas (every 2 s each) add nothing: the count holds.
        int extended = call(rotation.get(0), therapist, "GET", path, null).get("occurrences").size();
        await("no occurrence made twice").during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10)).until(() ->
                call(rotation.get(2), therapist, "GET", path, null).get("occurrences").size() == extended);
        JsonNode occurrences = call(rotation.get(1), therapist, "GET", path, null).get("occurrences");
        assertTrue(before <= 13 && occurrences.size() >= 16 && occurrences.size() <= 17,
                before + " then " + occurrences.size());
        for (int i = 0; i < occurrences.size(); i++) {
            assertEquals(i, occurrences.get(i).get("seriesIndex").asInt(), "each occurrence once, in order");
        }
    }

    private static PackagedApp start(Map<String, String> overrides) {
        Map<String, String> settings = new HashMap<>(config);
        settings.putAll(overrides);
        try {
            PackagedApp app = PackagedApp.start(Path.of(System.getProperty("tandem-devenv.app-dir")), List.of(),
                    settings, TandemServices.freePort(), TARGET.resolve("replica-" + started.incrementAndGet()
                            + ".log"));
            app.awaitReady(Duration.ofMinutes(2));
            return app;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String token(String username) {
        return Tokens.password(config.get("quarkus.oidc.auth-server-url"), username);
    }

    private static String clientToken(String client, String secret) throws Exception {
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(client, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(
                config.get("quarkus.oidc.auth-server-url") + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body()).get("access_token").asText();
    }

    private static HttpRequest request(PackagedApp replica, String token, String method, String path, String body,
            Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(replica.baseUrl() + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return request.build();
    }

    private static HttpResponse<String> send(PackagedApp replica, String token, String method, String path,
            String body, Map<String, String> headers) {
        try {
            return HTTP.send(request(replica, token, method, path, body, headers),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " on " + replica.baseUrl(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A call that must succeed (2xx); its JSON body. */
    private static JsonNode call(PackagedApp replica, String token, String method, String path, String body)
            throws IOException {
        HttpResponse<String> response = send(replica, token, method, path, body, Map.of());
        assertTrue(response.statusCode() / 100 == 2, method + " " + path + ": " + response.statusCode() + " "
                + response.body());
        return JSON.readTree(response.body());
    }

    /** The sessions whose notices reached the address: each message links to its session. */
    private static Set<String> sessionsNoticed(String address) throws Exception {
        Set<String> sessions = new HashSet<>();
        for (MimeMessage m : TandemServices.mail().getReceivedMessages()) {
            if (m.getRecipients(Message.RecipientType.TO)[0].toString().equals(address)) {
                java.util.regex.Matcher link = java.util.regex.Pattern.compile("/sessions/([0-9a-f-]{36})")
                        .matcher(com.icegreen.greenmail.util.GreenMailUtil.getBody(m));
                assertTrue(link.find(), "a link to the session");
                sessions.add(link.group(1));
            }
        }
        return sessions;
    }

    private static int mailTo(String address) throws Exception {
        int n = 0;
        for (MimeMessage m : TandemServices.mail().getReceivedMessages()) {
            if (m.getRecipients(Message.RecipientType.TO)[0].toString().equals(address)) {
                n++;
            }
        }
        return n;
    }

    /** The delivery log's statuses and errors, for a failure's message. */
    private static String notices() throws Exception {
        StringBuilder out = new StringBuilder();
        try (Connection c = DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"));
                Statement s = c.createStatement(); ResultSet r = s.executeQuery("select kind, status, last_error,"
                        + " count(*) from notification group by kind, status, last_error")) {
            while (r.next()) {
                out.append(r.getString(1)).append('/').append(r.getString(2)).append('/').append(r.getString(3))
                        .append('=').append(r.getLong(4)).append(' ');
            }
        }
        return out + "; mails: " + TandemServices.mail().getReceivedMessages().length;
    }

    private static long count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"));
                Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
