package org.tandem.measurement;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.tandem.testsupport.Api.anonymous;
import static org.tandem.testsupport.Api.as;
import static org.tandem.testsupport.Api.asIntegration;
import static org.tandem.testsupport.Api.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tandem.testsupport.Api;
import org.tandem.testsupport.Partners;

@QuarkusTest
public class MeasurementResourceTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Berlin"));

    @Test
    void recordsRatingsForAPartnerAndForTheCouple() {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        String coupleId = couple.path("id");
        String p1 = couple.path("partners[0].id");
        as("therapist1").body(rating("trust", p1, TODAY.minusDays(3), 4, "SELF_REPORT")).post(path(coupleId)).then()
                .statusCode(201).body("metric", equalTo("trust")).body("partnerId", equalTo(p1))
                .body("value", equalTo(4.0f)).body("private", equalTo(true)).body("source", equalTo("SELF_REPORT"));
        Map<String, Object> coupleRating = rating("communication", null, TODAY, 6.5, "THERAPIST");
        coupleRating.put("private", true);
        as("therapist1").body(coupleRating).post(path(coupleId)).then().statusCode(201)
                .body("partnerId", equalTo(null)).body("private", equalTo(false));

        as("therapist1").get(path(coupleId)).then().statusCode(200).body("totalItems", equalTo(2))
                .body("items.metric", containsInAnyOrder("trust", "communication"))
                .body("items[0].date", equalTo(TODAY.minusDays(3).toString()));
        as("admin1").queryParam("metric", "communication").get(path(coupleId)).then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].value", equalTo(6.5f));
    }

    @Test
    void aPartnersAppNeverSeesTheOtherPartnersPrivateValues() {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        String coupleId = couple.path("id");
        String p1 = couple.path("partners[0].id");
        String p2 = couple.path("partners[1].id");
        String p1Private = asIntegration().body(rating("hope", p1, TODAY, 3, "SELF_REPORT")).post(path(coupleId))
                .then().statusCode(201).body("private", equalTo(true)).extract().path("id");
        Map<String, Object> shared = rating("hope", p2, TODAY, 8, "SELF_REPORT");
        shared.put("private", false);
        String p2Shared = asIntegration().body(shared).post(path(coupleId)).then().statusCode(201).extract().path("id");
        String p2Private = asIntegration().body(rating("trust", p2, TODAY, 2, "SELF_REPORT")).post(path(coupleId))
                .then().statusCode(201).extract().path("id");

        // Each partner, signed in themselves, sees their own values and what the other shared.
        Partners.as("therapist1", coupleId, p2).get("/api/v1/me/ratings").then().statusCode(200)
                .body("items.id", containsInAnyOrder(p2Shared, p2Private)).body("totalItems", equalTo(2));
        Partners.as("therapist1", coupleId, p1).get("/api/v1/me/ratings").then().statusCode(200)
                .body("items.id", containsInAnyOrder(p1Private, p2Shared)).body("totalItems", equalTo(2));
        // The clinic-wide integration acts for neither: only what is not private to a partner.
        asIntegration().get(path(coupleId)).then().statusCode(200).body("items.id", contains(p2Shared))
                .body("totalItems", equalTo(1));
        // A query parameter no longer chooses whose private values are read.
        asIntegration().queryParam("forPartner", p1).get(path(coupleId)).then().statusCode(200)
                .body("items.id", contains(p2Shared));
        // Clinicians see all three.
        as("therapist1").get(path(coupleId)).then().body("items.id", hasItems(p1Private, p2Shared, p2Private));
        // An integration records what partners report, never a therapist's rating.
        asIntegration().body(rating("hope", p1, TODAY, 3, "THERAPIST")).post(path(coupleId)).then().statusCode(403)
                .body("type", equalTo("/problems/self-report-only"));
    }

    @Test
    void clinicsDefineTheirOwnMetrics() {
        String key = "craving-" + unique();
        Map<String, Object> craving = metric(key, 0, 100, "LOWER_IS_BETTER");
        as("admin1").body(craving).post("/api/v1/metrics").then().statusCode(201).body("key", equalTo(key))
                .body("builtIn", equalTo(false)).body("reliability", equalTo(0.7f)).body("normSd", equalTo(20.0f))
                .body("reliableChange", equalTo(30.36f)); // 1.96 * sqrt(2) * 20 * sqrt(0.3)
        as("therapist1").get("/api/v1/metrics").then().statusCode(200)
                .body("key", hasItems("trust", "communication", "emotional-intimacy", "boundary-safety", "hope", key));
        as("therapist9").get("/api/v1/metrics").then().statusCode(200).body("key", not(hasItem(key)));
        asIntegration().get("/api/v1/metrics").then().statusCode(200).body("key", hasItem(key));

        String coupleId = Api.createCouple("therapist1", unique());
        as("therapist1").body(rating(key, null, TODAY, 80, "THERAPIST")).post(path(coupleId)).then().statusCode(201);
        as("therapist1").body(rating(key, null, TODAY, 100.01, "THERAPIST")).post(path(coupleId)).then()
                .statusCode(422).body("violations[0].field", equalTo("value"));
        // Another clinic's metric does not exist for this clinic.
        String otherCouple = Api.createCouple("therapist9", unique());
        as("therapist9").body(rating(key, null, TODAY, 5, "THERAPIST")).post(path(otherCouple)).then()
                .statusCode(422).body("violations[0].field", equalTo("metric"));

        as("admin1").body(craving).post("/api/v1/metrics").then().statusCode(409);
        as("admin1").body(metric("trust", 0, 10, "HIGHER_IS_BETTER")).post("/api/v1/metrics").then().statusCode(409);
        as("admin1").body(metric("Bad Key", 0, 10, "HIGHER_IS_BETTER")).post("/api/v1/metrics").then()
                .statusCode(400).body("violations[0].field", equalTo("key"));
        as("admin1").body(metric("flat-" + unique(), 5, 5, "HIGHER_IS_BETTER")).post("/api/v1/metrics").then()
                .statusCode(400).body("violations[0].field", equalTo("max"));
        as("admin1").body(metric("dir-" + unique(), 0, 5, "SIDEWAYS")).post("/api/v1/metrics").then().statusCode(400);
        Map<String, Object> badReliability = metric("rel-" + unique(), 0, 5, "HIGHER_IS_BETTER");
        badReliability.put("reliability", 1.5);
        as("admin1").body(badReliability).post("/api/v1/metrics").then().statusCode(400);
    }

    @Test
    void badRatingsAreRejectedAndNothingIsWritten() {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        String coupleId = couple.path("id");
        String p1 = couple.path("partners[0].id");
        String otherCouplesPartner = Api.createCouple("therapist1", Api.coupleBody(unique())).path("partners[0].id");

        as("therapist1").body(rating("courage", p1, TODAY, 5, "THERAPIST")).post(path(coupleId)).then()
                .statusCode(422).body("type", equalTo("/problems/unprocessable"))
                .body("violations[0].field", equalTo("metric"));
        as("therapist1").body(rating("trust", p1, TODAY, 11, "THERAPIST")).post(path(coupleId)).then()
                .statusCode(422).body("violations[0].field", equalTo("value"));
        as("therapist1").body(rating("trust", p1, TODAY, -1, "THERAPIST")).post(path(coupleId)).then()
                .statusCode(422).body("violations[0].field", equalTo("value"));
        as("therapist1").body(rating("trust", otherCouplesPartner, TODAY, 5, "THERAPIST")).post(path(coupleId))
                .then().statusCode(422).body("violations[0].field", equalTo("partnerId"));
        as("therapist1").body(rating("trust", p1, TODAY.plusDays(2), 5, "THERAPIST")).post(path(coupleId)).then()
                .statusCode(400).body("violations[0].field", equalTo("date"));
        as("therapist1").body(rating("trust", p1, TODAY, 5.123, "THERAPIST")).post(path(coupleId)).then()
                .statusCode(400);
        as("therapist1").body(rating("trust", p1, TODAY, 5, "GUESS")).post(path(coupleId)).then().statusCode(400)
                .body("field", equalTo("source"));
        Map<String, Object> wrongType = rating("trust", p1, TODAY, 5, "THERAPIST");
        wrongType.put("value", "high");
        as("therapist1").body(wrongType).post(path(coupleId)).then().statusCode(400).body("field", equalTo("value"));
        // Nor is a number a metric key: Jackson would have read 5 as "5".
        Map<String, Object> numberForText = rating("trust", p1, TODAY, 5, "THERAPIST");
        numberForText.put("metric", 5);
        as("therapist1").body(numberForText).post(path(coupleId)).then().statusCode(400)
                .body("field", equalTo("metric"));
        Map<String, Object> badDate = rating("trust", p1, TODAY, 5, "THERAPIST");
        badDate.put("date", "2031-02-30");
        as("therapist1").body(badDate).post(path(coupleId)).then().statusCode(400).body("field", equalTo("date"));
        Map<String, Object> missing = rating("trust", p1, TODAY, 5, "THERAPIST");
        missing.remove("value");
        as("therapist1").body(missing).post(path(coupleId)).then().statusCode(400)
                .body("violations[0].field", equalTo("value"));
        as("therapist1").body(rating("x".repeat(100_000), p1, TODAY, 5, "THERAPIST")).post(path(coupleId)).then()
                .statusCode(400);
        as("therapist1").body("{\"metric\": \"trust\", ").post(path(coupleId)).then().statusCode(400)
                .body("type", equalTo("/problems/malformed-json"));
        Map<String, Object> massAssignment = rating("trust", p1, TODAY, 5, "THERAPIST");
        massAssignment.put("coupleId", java.util.UUID.randomUUID().toString());
        as("therapist1").body(massAssignment).post(path(coupleId)).then().statusCode(400);
        as("therapist1").queryParam("from", "yesterday").get(path(coupleId)).then().statusCode(400);

        as("therapist1").get(path(coupleId)).then().statusCode(200).body("totalItems", equalTo(0));
    }

    @Test
    void measurementsFollowTheRoleMatrix() {
        String coupleId = Api.createCouple("therapist1", unique());
        String otherClinicCouple = Api.createCouple("therapist9", unique());
        Map<String, Object> body = rating("trust", null, TODAY, 5, "THERAPIST");
        anonymous().get(path(coupleId)).then().statusCode(401);
        anonymous().body(body).post(path(coupleId)).then().statusCode(401);
        anonymous().get("/api/v1/metrics").then().statusCode(401);
        anonymous().body(metric("x-" + unique(), 0, 1, "HIGHER_IS_BETTER")).post("/api/v1/metrics").then()
                .statusCode(401);

        as("admin1").body(body).post(path(coupleId)).then().statusCode(403);
        as("therapist1").body(metric("x-" + unique(), 0, 1, "HIGHER_IS_BETTER")).post("/api/v1/metrics").then()
                .statusCode(403);
        asIntegration().body(metric("x-" + unique(), 0, 1, "HIGHER_IS_BETTER")).post("/api/v1/metrics").then()
                .statusCode(403);

        as("therapist2").get(path(coupleId)).then().statusCode(404);
        as("therapist2").body(body).post(path(coupleId)).then().statusCode(404);
        as("admin9").get(path(coupleId)).then().statusCode(404);
        as("therapist9").body(body).post(path(coupleId)).then().statusCode(404);
        asIntegration().get(path(otherClinicCouple)).then().statusCode(404);
        Map<String, Object> selfReport = rating("trust", null, TODAY, 5, "SELF_REPORT");
        asIntegration().body(selfReport).post(path(otherClinicCouple)).then().statusCode(404);
        // A token without measurements:write / measurements:read may do neither.
        Api.asReadOnlyIntegration().body(selfReport).post(path(coupleId)).then().statusCode(403)
                .body("type", equalTo("/problems/insufficient-scope")).body("scope", equalTo("measurements:write"));
        Api.asReadOnlyIntegration().get(path(coupleId)).then().statusCode(403).body("scope", equalTo("measurements:read"));
        as("therapist1").get(path(coupleId)).then().statusCode(200).body("totalItems", equalTo(0));
    }

    public static String path(String coupleId) {
        return "/api/v1/couples/" + coupleId + "/measurements";
    }

    public static Map<String, Object> rating(String metric, String partnerId, LocalDate date, Number value, String source) {
        Map<String, Object> body = new HashMap<>();
        body.put("metric", metric);
        if (partnerId != null) {
            body.put("partnerId", partnerId);
        }
        body.put("date", date.toString());
        body.put("value", value);
        body.put("source", source);
        return body;
    }

    public static Map<String, Object> metric(String key, Number min, Number max, String direction) {
        Map<String, Object> body = new HashMap<>();
        body.put("key", key);
        body.put("name", "Metric " + key);
        body.put("min", min);
        body.put("max", max);
        body.put("direction", direction);
        return body;
    }
}
