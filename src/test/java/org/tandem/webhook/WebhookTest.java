package org.tandem.webhook;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tandem.testsupport.Api.anonymous;
import static org.tandem.testsupport.Api.as;
import static org.tandem.testsupport.Api.asIntegration;
import static org.tandem.testsupport.Api.unique;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tandem.measurement.MeasurementResourceTest;
import org.tandem.testsupport.Api;
import org.tandem.testsupport.Bookings;
import org.tandem.testsupport.Slots;

/** Webhooks end to end: a real local HTTP receiver, the outbox, the sender, signatures, retries, dead letters. */
@QuarkusTest
class WebhookTest {

    record Received(Map<String, String> headers, String body) {
    }

    @Inject
    WebhookSender sender;

    @Inject
    AgroalDataSource db;

    private HttpServer receiver;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    /** The receiver answers this status (500 to fail). */
    private final AtomicInteger answer = new AtomicInteger(204);

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            Map<String, String> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
            received.add(new Received(headers, new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        receiver.start();
        sender.sendDue(); // whatever other tests left due goes first, to their (stopped) receivers
        received.clear();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    private Response register(List<String> events) {
        return as("admin1").body(Map.of("url", url(), "events", events)).post("/api/v1/webhooks").then()
                .statusCode(201).extract().response();
    }

    @Test
    void aCommittedChangeIsDeliveredSignedWithIdsOnly() throws Exception {
        Response endpoint = register(List.of("session.scheduled", "measurement.recorded"));
        String secret = endpoint.path("secret");
        assertTrue(secret.startsWith("whsec_"));
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        String coupleId = couple.path("id");
        LocalDate day = Slots.day();
        String sessionId = Bookings.book("therapist1", Bookings.session(coupleId, day + "T09:00", day + "T09:50"))
                .path("id");
        assertEquals(0, received.size(), "nothing is sent inside the request");

        sender.sendDue();
        assertEquals(1, received.size());
        Received hook = received.get(0);
        JsonNode body = new ObjectMapper().readTree(hook.body());
        assertEquals("session.scheduled", body.get("type").asText());
        assertEquals(sessionId, body.get("data").get("sessionId").asText());
        assertEquals(coupleId, body.get("data").get("coupleId").asText());
        assertEquals(body.get("id").asText(), hook.headers().get("tandem-event-id"));
        assertFalse(hook.body().contains("Kit "), "no names in a payload");
        // The signature verifies with the secret, as docs/integrations.md shows a receiver doing it.
        String[] parts = hook.headers().get("tandem-signature").split(",");
        long t = Long.parseLong(parts[0].substring(2));
        assertTrue(Math.abs(Instant.now().getEpochSecond() - t) < 300, "inside the replay window");
        assertEquals(WebhookSender.sign(secret, t, hook.body()), parts[1].substring(3));
        assertFalse(WebhookSender.sign(secret + "x", t, hook.body()).equals(parts[1].substring(3)));

        as("admin1").get("/api/v1/webhooks/" + endpoint.path("id") + "/deliveries").then().statusCode(200)
                .body("[0].status", equalTo("DELIVERED")).body("[0].eventType", equalTo("session.scheduled"))
                .body("[0].lastStatus", equalTo(204));
    }

    @Test
    void everyOccurrenceOfASeriesIsAnnounced() throws Exception {
        register(List.of("session.scheduled", "session.cancelled"));
        String coupleId = Api.createCouple("therapist1", unique());
        java.time.LocalDate monday = Slots.window();
        Map<String, Object> body = new java.util.HashMap<>(Map.of("coupleId", coupleId, "kind", "JOINT",
                "modality", "TELEHEALTH", "videoLink", "https://video.example/room-1",
                "firstStart", monday + "T07:00", "durationMinutes", 50, "count", 3));
        Response series = as("therapist1").body(body).post("/api/v1/session-series").then().statusCode(201)
                .extract().response();
        sender.sendDue();
        assertEquals(3, received.size());
        ObjectMapper json = new ObjectMapper();
        for (Received hook : received) {
            JsonNode event = json.readTree(hook.body());
            assertEquals("session.scheduled", event.get("type").asText());
            assertEquals(series.path("id"), event.get("data").get("seriesId").asText());
        }
        received.clear();
        String first = series.path("occurrences[1].id");
        as("therapist1").header("If-Match", series.header("ETag"))
                .body(Map.of("fromSessionId", first, "cancelledBy", "CLINIC"))
                .post("/api/v1/session-series/" + series.path("id") + "/cancel-following").then().statusCode(200);
        sender.sendDue();
        assertEquals(2, received.size(), "the two following occurrences");
        assertTrue(received.stream().allMatch(r -> r.body().contains("\"session.cancelled\"")));
    }

    @Test
    void aValueEnteredInErrorIsAnnouncedWithoutItsReason() throws Exception {
        register(List.of("measurement.entered-in-error"));
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        String coupleId = couple.path("id");
        String partnerId = couple.path("partners[0].id");
        String measurementId = as("therapist1").body(MeasurementResourceTest.rating("trust", partnerId,
                LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).minusDays(1), 3, "THERAPIST")).post(MeasurementResourceTest.path(coupleId)).then()
                .statusCode(201).extract().path("id");
        as("therapist1").body(Map.of("reason", "Wrong couple's sheet")).post(MeasurementResourceTest.path(coupleId)
                + "/" + measurementId + "/entered-in-error").then().statusCode(200);

        sender.sendDue();
        assertEquals(1, received.size(), "the recording itself was not subscribed to");
        JsonNode event = new ObjectMapper().readTree(received.get(0).body());
        assertEquals("measurement.entered-in-error", event.get("type").asText());
        assertEquals(measurementId, event.get("data").get("measurementId").asText());
        assertEquals(coupleId, event.get("data").get("coupleId").asText());
        assertEquals(partnerId, event.get("data").get("partnerId").asText());
        assertEquals("trust", event.get("data").get("metric").asText());
        assertFalse(received.get(0).body().contains("Wrong couple"), "no reason in a payload");
        assertFalse(event.get("data").has("value"), "no value in a payload");
    }

    @Test
    void aRolledBackChangeSendsNothing() {
        Response endpoint = register(List.of("session.scheduled"));
        String coupleId = Api.createCouple("therapist1", unique());
        LocalDate day = Slots.day();
        Bookings.book("therapist1", Bookings.session(coupleId, day + "T09:00", day + "T09:50"));
        // A clash: the booking transaction rolls back after the overlap check, and its event with it.
        as("therapist1").body(Bookings.session(coupleId, day + "T09:30", day + "T10:20")).post(Bookings.SESSIONS)
                .then().statusCode(409);
        sender.sendDue();
        assertEquals(1, received.size());
        as("admin1").get("/api/v1/webhooks/" + endpoint.path("id") + "/deliveries").then().body("$", hasSize(1));
    }

    @Test
    void aFailedDeliveryIsRetriedThenDeadLetteredAndCanBeRedelivered() throws Exception {
        Response endpoint = register(List.of("measurement.recorded"));
        String endpointId = endpoint.path("id");
        String coupleId = Api.createCouple("therapist1", unique());
        as("therapist1").body(MeasurementResourceTest.rating("trust", null, LocalDate.now(), 5, "THERAPIST"))
                .post(MeasurementResourceTest.path(coupleId)).then().statusCode(201);
        answer.set(500);
        sender.sendDue();
        assertEquals(1, received.size());
        as("admin1").get("/api/v1/webhooks/" + endpointId + "/deliveries").then()
                .body("[0].status", equalTo("PENDING")).body("[0].attempts", equalTo(1))
                .body("[0].lastStatus", equalTo(500));
        // Backed off: not due yet.
        sender.sendDue();
        assertEquals(1, received.size());
        for (int attempt = 2; attempt <= 3; attempt++) {
            makeDue(endpointId);
            sender.sendDue();
        }
        assertEquals(3, received.size(), "the test profile allows 3 attempts");
        String deliveryId = as("admin1").get("/api/v1/webhooks/" + endpointId + "/deliveries").then()
                .body("[0].status", equalTo("DEAD")).body("[0].attempts", equalTo(3)).extract().path("[0].id");
        makeDue(endpointId);
        sender.sendDue();
        assertEquals(3, received.size(), "a dead delivery is not retried by itself");

        answer.set(200);
        as("admin1").post("/api/v1/webhooks/" + endpointId + "/deliveries/" + deliveryId + "/redeliver").then()
                .statusCode(202);
        sender.sendDue();
        assertEquals(4, received.size());
        assertEquals(received.get(0).headers().get("tandem-event-id"), received.get(3).headers().get("tandem-event-id"),
                "the same event, so the receiver can dedupe");
        as("admin1").get("/api/v1/webhooks/" + endpointId + "/deliveries").then()
                .body("[0].status", equalTo("DELIVERED"));
    }

    @Test
    void webhooksAreTheClinicAdminsAlone() {
        String id = register(List.of("note.signed")).path("id");
        Map<String, Object> body = Map.of("url", url(), "events", List.of("session.scheduled"));
        anonymous().body(body).post("/api/v1/webhooks").then().statusCode(401);
        anonymous().get("/api/v1/webhooks").then().statusCode(401);
        as("therapist1").body(body).post("/api/v1/webhooks").then().statusCode(403);
        as("therapist1").get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(403);
        asIntegration().get("/api/v1/webhooks").then().statusCode(403);
        asIntegration().delete("/api/v1/webhooks/" + id).then().statusCode(403);
        as("admin9").get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(404);
        as("admin9").delete("/api/v1/webhooks/" + id).then().statusCode(404);
        as("admin9").get("/api/v1/webhooks").then().body("id", org.hamcrest.Matchers.not(
                org.hamcrest.Matchers.hasItem(id)));
        as("admin1").get("/api/v1/webhooks").then().body("find { it.id == '" + id + "' }.secret",
                org.hamcrest.Matchers.nullValue());
        as("admin1").body(Map.of("url", "ftp://example.org/x", "events", List.of("note.signed")))
                .post("/api/v1/webhooks").then().statusCode(400).body("violations[0].field", equalTo("url"));
        as("admin1").body(Map.of("url", url(), "events", List.of("note.deleted"))).post("/api/v1/webhooks").then()
                .statusCode(400).body("violations[0].field", equalTo("events"));
        as("admin1").body(Map.of("url", url(), "events", List.of())).post("/api/v1/webhooks").then().statusCode(400);
        as("admin1").delete("/api/v1/webhooks/" + id).then().statusCode(200).body("active", equalTo(false));
    }

    private void makeDue(String endpointId) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "update webhook_delivery set next_attempt_at = ? where endpoint_id = unhex(?)")) {
            s.setTimestamp(1, Timestamp.from(Instant.now().minusSeconds(1)));
            s.setString(2, endpointId.replace("-", ""));
            s.executeUpdate();
        }
    }
}
