package org.tandem.measurement;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.tandem.measurement.MeasurementResourceTest.TODAY;
import static org.tandem.measurement.MeasurementResourceTest.path;
import static org.tandem.measurement.MeasurementResourceTest.rating;
import static org.tandem.testsupport.Api.anonymous;
import static org.tandem.testsupport.Api.as;
import static org.tandem.testsupport.Api.asIntegration;
import static org.tandem.testsupport.Api.asReadOnlyIntegration;
import static org.tandem.testsupport.Api.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tandem.questionnaire.QuestionnaireResourceTest;
import org.tandem.testsupport.Api;

/**
 * A rating recorded by mistake is marked as entered in error: kept as recorded, with the reason, and counted
 * nowhere after that (list, progress summary). Never changed, never deleted, marked once.
 */
@QuarkusTest
class EnteredInErrorTest {

    private static final Map<String, Object> REASON = Map.of("reason", "Meant 8, typed 2");

    @Test
    void aMarkedValueIsKeptButCountsNowhere() {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        String coupleId = couple.path("id");
        String p1 = couple.path("partners[0].id");
        String kept = record(coupleId, p1, 5);
        String typo = record(coupleId, p1, 2);

        as("therapist1").body(REASON).post(mark(coupleId, typo)).then().statusCode(200)
                .body("id", equalTo(typo)).body("value", equalTo(2.0f))
                .body("enteredInError.reason", equalTo("Meant 8, typed 2"))
                .body("enteredInError.at", notNullValue());

        as("therapist1").get(path(coupleId)).then().statusCode(200).body("totalItems", equalTo(1))
                .body("items[0].id", equalTo(kept)).body("items[0].enteredInError", nullValue());
        as("therapist1").queryParam("includeEnteredInError", "true").get(path(coupleId)).then().statusCode(200)
                .body("items.id", containsInAnyOrder(kept, typo))
                .body("items.find { it.id == '" + typo + "' }.enteredInError.reason", equalTo("Meant 8, typed 2"));
        as("therapist1").queryParam("includeEnteredInError", "yes").get(path(coupleId)).then().statusCode(400)
                .body("violations[0].field", equalTo("includeEnteredInError"));
        // The progress summary counts the one value left.
        as("therapist1").get("/api/v1/couples/" + coupleId + "/progress").then().statusCode(200)
                .body("partners.find { it.partnerId == '" + p1 + "' }.ratings.find { it.key == 'trust' }"
                        + ".series.value", equalTo(java.util.List.of(5.0f)));

        // Once only: a second mark changes nothing.
        as("therapist1").body(Map.of("reason", "again")).post(mark(coupleId, typo)).then().statusCode(409)
                .body("type", equalTo("/problems/entered-in-error"));
        as("therapist1").queryParam("includeEnteredInError", "true").get(path(coupleId)).then()
                .body("items.find { it.id == '" + typo + "' }.enteredInError.reason", equalTo("Meant 8, typed 2"));
        as("admin1").queryParam("includeEnteredInError", "true").get(path(coupleId)).then()
                .body("items.find { it.id == '" + typo + "' }.enteredInError.at", notNullValue())
                .body("items.find { it.id == '" + typo + "' }.enteredInError.reason", nullValue());
        as("admin1").queryParam("recordType", "measurement").queryParam("recordId", typo)
                .get("/api/v1/audit-events").then().statusCode(200)
                .body("items.action", hasItem("measurement.entered-in-error"));
    }

    @Test
    void anIntegrationMarksOnlyValuesItRecorded() {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        String coupleId = couple.path("id");
        String p1 = couple.path("partners[0].id");
        String selfReport = asIntegration().body(rating("hope", p1, TODAY, 3, "SELF_REPORT")).post(path(coupleId))
                .then().statusCode(201).extract().path("id");
        String therapists = record(coupleId, p1, 6);

        // The reason is for the couple's therapists: the partners' apps see that and when, not why.
        asIntegration().body(REASON).post(mark(coupleId, selfReport)).then().statusCode(200)
                .body("enteredInError.at", notNullValue()).body("enteredInError.reason", nullValue());
        as("therapist1").queryParam("includeEnteredInError", "true").get(path(coupleId)).then()
                .body("items.find { it.id == '" + selfReport + "' }.enteredInError.reason",
                        equalTo("Meant 8, typed 2"));
        asIntegration().body(REASON).post(mark(coupleId, therapists)).then().statusCode(404)
                .body("type", equalTo("/problems/not-found"));
        asReadOnlyIntegration().body(REASON).post(mark(coupleId, therapists)).then().statusCode(403);
        as("therapist1").queryParam("includeEnteredInError", "true").get(path(coupleId)).then()
                .body("items.find { it.id == '" + therapists + "' }.enteredInError", nullValue());
    }

    @Test
    void onlyTheCouplesTherapistsMayMarkAndOnlyTheCouplesValues() {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        String coupleId = couple.path("id");
        String value = record(coupleId, couple.path("partners[0].id"), 4);
        String otherCouple = Api.createCouple("therapist1", unique());

        anonymous().body(REASON).post(mark(coupleId, value)).then().statusCode(401);
        as("admin1").body(REASON).post(mark(coupleId, value)).then().statusCode(403);
        as("therapist2").body(REASON).post(mark(coupleId, value)).then().statusCode(404)
                .body("detail", not(org.hamcrest.Matchers.containsString("Kit")));
        as("therapist9").body(REASON).post(mark(coupleId, value)).then().statusCode(404);
        // The value under another couple's path, and a value that does not exist.
        as("therapist1").body(REASON).post(mark(otherCouple, value)).then().statusCode(404);
        as("therapist1").body(REASON).post(mark(coupleId, UUID.randomUUID().toString())).then().statusCode(404);

        as("therapist1").queryParam("includeEnteredInError", "true").get(path(coupleId)).then()
                .body("items[0].enteredInError", nullValue());
    }

    @Test
    void aMarkNeedsAReasonAndNothingElse() {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        String coupleId = couple.path("id");
        String value = record(coupleId, couple.path("partners[0].id"), 4);
        String url = mark(coupleId, value);

        as("therapist1").body(Map.of()).post(url).then().statusCode(400)
                .body("violations[0].field", equalTo("reason"));
        as("therapist1").body(Map.of("reason", "   ")).post(url).then().statusCode(400)
                .body("violations[0].field", equalTo("reason"));
        as("therapist1").body(Map.of("reason", "x".repeat(501))).post(url).then().statusCode(400)
                .body("violations[0].field", equalTo("reason"));
        as("therapist1").body(Map.of("reason", 7)).post(url).then().statusCode(400).body("field", equalTo("reason"));
        as("therapist1").body(Map.of("reason", "typo", "value", 8)).post(url).then().statusCode(400);
        as("therapist1").body("{\"reason\": \"typo\"").post(url).then().statusCode(400)
                .contentType("application/problem+json");
        as("therapist1").body(REASON).post(mark(coupleId, "not-a-uuid")).then().statusCode(404);

        // Nothing was marked by any of these.
        as("therapist1").get(path(coupleId)).then().body("totalItems", equalTo(1))
                .body("items[0].enteredInError", nullValue());
        as("therapist1").body(Map.of("reason", "x".repeat(500))).post(url).then().statusCode(200);
    }

    @Test
    void aQuestionnaireResponseIsMarkedTheSameWayAndItsSafetyFlagStaysOpen() {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        String coupleId = couple.path("id");
        String p1 = couple.path("partners[0].id");
        String questionnaires = QuestionnaireResourceTest.path(coupleId);
        String kept = as("therapist1").body(QuestionnaireResourceTest.answers("phq-9", p1,
                List.of(1, 1, 1, 1, 1, 0, 0, 0, 0), "THERAPIST")).post(questionnaires).then().statusCode(201)
                .extract().path("id");
        // The wrong partner's sheet, with item 9 above 0: it raised a safety flag.
        String wrong = as("therapist1").body(QuestionnaireResourceTest.answers("phq-9", p1,
                List.of(3, 3, 3, 3, 3, 3, 3, 3, 1), "THERAPIST")).post(questionnaires).then().statusCode(201)
                .extract().path("id");
        String other = Api.createCouple("therapist1", unique());

        anonymous().body(REASON).post(questionnaires + "/" + wrong + "/entered-in-error").then().statusCode(401);
        as("admin1").body(REASON).post(questionnaires + "/" + wrong + "/entered-in-error").then().statusCode(403);
        as("therapist2").body(REASON).post(questionnaires + "/" + wrong + "/entered-in-error").then().statusCode(404);
        as("therapist9").body(REASON).post(questionnaires + "/" + wrong + "/entered-in-error").then().statusCode(404);
        as("therapist1").body(REASON).post(QuestionnaireResourceTest.path(other) + "/" + wrong + "/entered-in-error")
                .then().statusCode(404);
        asIntegration().body(REASON).post(questionnaires + "/" + wrong + "/entered-in-error").then().statusCode(404);
        as("therapist1").body(Map.of("reason", "")).post(questionnaires + "/" + wrong + "/entered-in-error").then()
                .statusCode(400).body("violations[0].field", equalTo("reason"));

        as("therapist1").body(Map.of("reason", "Other partner's sheet")).post(questionnaires + "/" + wrong
                + "/entered-in-error").then().statusCode(200).body("id", equalTo(wrong)).body("score", equalTo(25.0f))
                .body("enteredInError.reason", equalTo("Other partner's sheet"));
        as("therapist1").body(REASON).post(questionnaires + "/" + wrong + "/entered-in-error").then().statusCode(409);

        as("therapist1").get(questionnaires).then().statusCode(200).body("totalItems", equalTo(1))
                .body("items[0].id", equalTo(kept));
        as("therapist1").queryParam("includeEnteredInError", "true").get(questionnaires).then()
                .body("items.id", containsInAnyOrder(kept, wrong));
        as("therapist1").get("/api/v1/couples/" + coupleId + "/progress").then().statusCode(200)
                .body("partners.find { it.partnerId == '" + p1 + "' }.questionnaires.find { it.key == 'phq-9' }"
                        + ".series.value", equalTo(List.of(5.0f)));
        // Acknowledging the flag it raised is still the therapist's call.
        as("therapist1").get("/api/v1/couples/" + coupleId).then().body("openSafetyFlags", equalTo(1));
    }

    private static String record(String coupleId, String partnerId, double value) {
        return as("therapist1").body(rating("trust", partnerId, TODAY.minusDays(1), value, "THERAPIST"))
                .post(path(coupleId)).then().statusCode(201).extract().path("id");
    }

    private static String mark(String coupleId, String measurementId) {
        return path(coupleId) + "/" + measurementId + "/entered-in-error";
    }
}
