package org.tandem.idempotency;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.tandem.testsupport.Api.as;
import static org.tandem.testsupport.Api.asIntegration;
import static org.tandem.testsupport.Api.unique;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tandem.measurement.MeasurementResourceTest;
import org.tandem.questionnaire.QuestionnaireResourceTest;
import org.tandem.testsupport.Api;

@QuarkusTest
class IdempotencyTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Berlin"));

    @Inject
    IdempotencyStore store;

    @Inject
    AgroalDataSource db;

    @Test
    void aRetryReplaysTheFirstResponseAndWritesNothing() {
        String coupleId = Api.createCouple("therapist1", unique());
        String key = "key-" + unique();
        Map<String, Object> body = MeasurementResourceTest.rating("trust", null, TODAY, 7, "THERAPIST");
        String first = as("therapist1").header("Idempotency-Key", key).body(body)
                .post(MeasurementResourceTest.path(coupleId)).then().statusCode(201)
                .header("Idempotent-Replayed", nullValue()).extract().path("id");
        as("therapist1").header("Idempotency-Key", key).body(body).post(MeasurementResourceTest.path(coupleId))
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first))
                .body("value", equalTo(7.0f));
        as("therapist1").get(MeasurementResourceTest.path(coupleId)).then().body("totalItems", equalTo(1));

        // The same key for a different request is refused, and writes nothing.
        Map<String, Object> other = MeasurementResourceTest.rating("trust", null, TODAY, 2, "THERAPIST");
        as("therapist1").header("Idempotency-Key", key).body(other).post(MeasurementResourceTest.path(coupleId))
                .then().statusCode(422).body("violations[0].field", equalTo("Idempotency-Key"));
        as("therapist1").get(MeasurementResourceTest.path(coupleId)).then().body("totalItems", equalTo(1));

        // Keys are the caller's own: the integration's identical key is a new request.
        Map<String, Object> selfReport = MeasurementResourceTest.rating("trust", null, TODAY, 7, "SELF_REPORT");
        asIntegration().header("Idempotency-Key", key).body(selfReport).post(MeasurementResourceTest.path(coupleId))
                .then().statusCode(201).header("Idempotent-Replayed", nullValue());
    }

    @Test
    void aCreatedResourceIsReplayedWithItsLocation() {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        String key = "q-" + unique();
        Map<String, Object> body = QuestionnaireResourceTest.answers("gad-7", couple.path("partners[0].id"),
                Collections.nCopies(7, 1), "THERAPIST");
        Response first = as("therapist1").header("Idempotency-Key", key).body(body)
                .post(QuestionnaireResourceTest.path(couple.path("id"))).then().statusCode(201).extract().response();
        as("therapist1").header("Idempotency-Key", key).body(body).post(QuestionnaireResourceTest.path(couple.path("id")))
                .then().statusCode(201).header("Location", first.header("Location"))
                .body("id", equalTo(first.path("id"))).body("score", equalTo(7.0f));
        // Couples too: a retried POST /couples no longer creates a second couple.
        Map<String, Object> coupleBody = Api.coupleBody(unique());
        String coupleKey = "c-" + unique();
        Response created = as("therapist1").header("Idempotency-Key", coupleKey).body(coupleBody)
                .post("/api/v1/couples").then().statusCode(201).header("ETag", notNullValue()).extract().response();
        // The replay carries the same ETag, which the filter set from the record's version the first time.
        as("therapist1").header("Idempotency-Key", coupleKey).body(coupleBody).post("/api/v1/couples").then()
                .statusCode(201).body("id", equalTo(created.path("id"))).header("ETag", equalTo(created.header("ETag")))
                .header("Location", equalTo(created.header("Location")));
    }

    @Test
    void anErrorReleasesTheKeySoACorrectedRetryRuns() {
        String coupleId = Api.createCouple("therapist1", unique());
        String key = "fix-" + unique();
        as("therapist1").header("Idempotency-Key", key)
                .body(MeasurementResourceTest.rating("trust", null, TODAY, 11, "THERAPIST"))
                .post(MeasurementResourceTest.path(coupleId)).then().statusCode(422);
        as("therapist1").header("Idempotency-Key", key)
                .body(MeasurementResourceTest.rating("trust", null, TODAY, 10, "THERAPIST"))
                .post(MeasurementResourceTest.path(coupleId)).then().statusCode(201)
                .header("Idempotent-Replayed", nullValue());
    }

    @Test
    void aRetryWhileTheFirstRunsIsAConflict() {
        String coupleId = Api.createCouple("therapist1", unique());
        String key = "busy-" + unique();
        // The first request is still running (on another replica): its mark is in the table.
        store.begin("demo-clinic|" + Api.THERAPIST1_SUB, key, "0".repeat(64), Duration.ofHours(24),
                Duration.ofMinutes(2));
        as("therapist1").header("Idempotency-Key", key)
                .body(MeasurementResourceTest.rating("trust", null, TODAY, 5, "THERAPIST"))
                .post(MeasurementResourceTest.path(coupleId)).then().statusCode(409)
                .body("type", equalTo("/problems/idempotency-in-progress"));
        as("therapist1").get(MeasurementResourceTest.path(coupleId)).then().body("totalItems", equalTo(0));
    }

    @Test
    void keysExpireAfterADay() throws Exception {
        String coupleId = Api.createCouple("therapist1", unique());
        String key = "old-" + unique();
        Map<String, Object> body = MeasurementResourceTest.rating("hope", null, TODAY, 4, "THERAPIST");
        as("therapist1").header("Idempotency-Key", key).body(body).post(MeasurementResourceTest.path(coupleId))
                .then().statusCode(201);
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "update idempotency_record set expires_at = ? where idem_key = ?")) {
            s.setTimestamp(1, Timestamp.from(Instant.now().minusSeconds(1)));
            s.setString(2, key);
            s.executeUpdate();
        }
        as("therapist1").header("Idempotency-Key", key).body(body).post(MeasurementResourceTest.path(coupleId))
                .then().statusCode(201).header("Idempotent-Replayed", nullValue());
        as("therapist1").get(MeasurementResourceTest.path(coupleId)).then().body("totalItems", equalTo(2));
    }

    @Test
    void aMalformedKeyIsAFieldError() {
        String coupleId = Api.createCouple("therapist1", unique());
        as("therapist1").header("Idempotency-Key", "x".repeat(256))
                .body(MeasurementResourceTest.rating("hope", null, TODAY, 4, "THERAPIST"))
                .post(MeasurementResourceTest.path(coupleId)).then().statusCode(400)
                .body("violations[0].field", equalTo("Idempotency-Key"));
        as("therapist1").header("Idempotency-Key", "")
                .body(MeasurementResourceTest.rating("hope", null, TODAY, 4, "THERAPIST"))
                .post(MeasurementResourceTest.path(coupleId)).then().statusCode(400);
        as("therapist1").get(MeasurementResourceTest.path(coupleId)).then().body("totalItems", equalTo(0));
    }

    @Test
    void aReplayAsksAgainWhetherTheCallerStillReachesTheCoupleAndIsAudited() {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        String coupleId = couple.path("id");
        String key = "reach-" + unique();
        Map<String, Object> body = MeasurementResourceTest.rating("trust", null, TODAY, 6, "THERAPIST");
        as("therapist1").header("Idempotency-Key", key).body(body).post(MeasurementResourceTest.path(coupleId))
                .then().statusCode(201);
        as("therapist1").header("Idempotency-Key", key).body(body).post(MeasurementResourceTest.path(coupleId))
                .then().statusCode(201).header("Idempotent-Replayed", "true");
        as("admin1").queryParam("recordType", "couple").queryParam("recordId", coupleId).get("/api/v1/audit-events")
                .then().statusCode(200).body("items.action", org.hamcrest.Matchers.hasItem("idempotency.replay"));

        // The couple goes to therapist2: therapist1's retry no longer shows them the rating.
        as("admin1").header("If-Match", couple.header("ETag"))
                .body(Map.of("primaryTherapistId", Api.therapistId("admin1", "therapist2")))
                .put("/api/v1/couples/" + coupleId + "/therapists").then().statusCode(200);
        as("therapist1").header("Idempotency-Key", key).body(body).post(MeasurementResourceTest.path(coupleId))
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("/problems/not-found")).header("Idempotent-Replayed", nullValue());
        as("therapist2").get(MeasurementResourceTest.path(coupleId)).then().body("totalItems", equalTo(1));
    }

    @Test
    void aOneTimeSecretIsNotShownAgainByAReplay() throws Exception {
        String key = "hook-" + unique();
        Map<String, Object> body = Map.of("url", "http://127.0.0.1:9/replay", "events", java.util.List.of("session.scheduled"));
        Response first = as("admin1").header("Idempotency-Key", key).body(body).post("/api/v1/webhooks").then()
                .statusCode(201).extract().response();
        String secret = first.path("secret");
        org.junit.jupiter.api.Assertions.assertTrue(secret.startsWith("whsec_"));
        as("admin1").header("Idempotency-Key", key).body(body).post("/api/v1/webhooks").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(first.path("id")))
                .body("secret", nullValue()).body("url", equalTo("http://127.0.0.1:9/replay"));
        as("admin1").delete("/api/v1/webhooks/" + first.path("id")).then().statusCode(200);

        // A calendar feed's URL holds its token: a replay of the rotation answers without it.
        String feedKey = "feed-" + unique();
        String url = as("therapist2").header("Idempotency-Key", feedKey).post("/api/v1/calendar-feed").then()
                .statusCode(200).extract().path("url");
        org.junit.jupiter.api.Assertions.assertTrue(url.contains("/calendar-feeds/"));
        as("therapist2").header("Idempotency-Key", feedKey).post("/api/v1/calendar-feed").then().statusCode(200)
                .header("Idempotent-Replayed", "true").body("url", nullValue());
        // The first URL still works: the replay rotated nothing.
        io.restassured.RestAssured.given().get(java.net.URI.create(url).getPath()).then().statusCode(200);
    }
}
