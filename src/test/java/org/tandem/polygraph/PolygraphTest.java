package org.tandem.polygraph;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.tandem.testsupport.Api.anonymous;
import static org.tandem.testsupport.Api.as;
import static org.tandem.testsupport.Api.asIntegration;
import static org.tandem.testsupport.Api.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tandem.testsupport.Api;
import org.tandem.testsupport.ClinicDays;
import org.tandem.testsupport.Partners;

/** Polygraph examinations of the partner in recovery, their results, and the maintenance schedule. */
@QuarkusTest
class PolygraphTest {

    @jakarta.inject.Inject
    org.tandem.notification.NotificationPlanner planner;

    static Map<String, Object> exam(String kind, LocalDate on, List<Map<String, Object>> questions) {
        return Map.of("kind", kind, "examinedOn", on.toString(), "examiner", "R. Examiner, APA", "questions",
                questions);
    }

    static Map<String, Object> question(String text, String outcome) {
        return Map.of("text", text, "outcome", outcome);
    }

    @Test
    void examinationsAreRecordedWithTheirResultAndTheNextMaintenanceIsDue() {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        String coupleId = couple.path("id");
        String url = "/api/v1/couples/" + coupleId + "/polygraphs";
        LocalDate today = ClinicDays.demoToday();
        String disclosure = as("therapist1").body(Map.of()).post("/api/v1/couples/" + coupleId + "/disclosures")
                .then().statusCode(201).extract().path("id");
        Map<String, Object> first = new java.util.HashMap<>(exam("DISCLOSURE", today.minusMonths(8), List.of(
                question("Since January, have you had contact with anyone from the apps?", "PASS"),
                question("Have you left out any partner in your disclosure?", "INCONCLUSIVE"))));
        first.put("disclosureId", disclosure);
        as("therapist1").body(first).post(url).then().statusCode(201)
                .body("partnerId", equalTo(couple.path("partners[0].id"))).body("result", equalTo("INCONCLUSIVE"))
                .body("questions[1].number", equalTo(2)).body("disclosureId", equalTo(disclosure));
        as("therapist1").body(exam("MAINTENANCE", today.minusMonths(7), List.of(question("Since the last"
                + " examination, have you viewed pornography?", "FAIL")))).post(url).then().statusCode(201)
                .body("result", equalTo("FAIL"));

        // No schedule yet: nothing is due. Every 6 months: the next was due a month ago.
        as("therapist1").get(url).then().statusCode(200).body("exams", hasSize(2))
                .body("exams[0].kind", equalTo("MAINTENANCE")).body("schedule.nextDueOn", nullValue());
        as("therapist1").header("If-Match", "\"0\"").body(Map.of("everyMonths", 6))
                .put("/api/v1/couples/" + coupleId + "/polygraph-schedule").then().statusCode(200)
                .body("everyMonths", equalTo(6)).body("lastExaminedOn", equalTo(today.minusMonths(7).toString()))
                .body("nextDueOn", equalTo(today.minusMonths(1).toString())).body("overdue", equalTo(true));

        // The therapists are told once that it is due.
        planner.plan(java.time.Instant.now());
        planner.plan(java.time.Instant.now());
        List<String> told = as("admin1").queryParam("kind", "REVIEW_DUE").get("/api/v1/notifications").then()
                .statusCode(200).extract().jsonPath().getList("findAll { it.coupleId == '" + coupleId
                        + "' }.therapistId", String.class);
        org.junit.jupiter.api.Assertions.assertEquals(List.of(Api.therapistId("admin1", "therapist1")), told);

        // An admin sees the dates and kinds, never a question or an outcome.
        String admin = as("admin1").get(url).then().statusCode(200).body("exams", hasSize(2))
                .body("exams[0].result", nullValue()).body("exams[0].questions", nullValue()).extract().asString();
        assertFalse(admin.contains("pornography") || admin.contains("FAIL"), admin);
    }

    @Test
    void anIncompleteOrImpossibleExaminationIsRefusedAndNothingIsRecorded() {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        String coupleId = couple.path("id");
        String url = "/api/v1/couples/" + coupleId + "/polygraphs";
        LocalDate today = ClinicDays.demoToday();
        as("therapist1").body(exam("MAINTENANCE", today, List.of())).post(url).then().statusCode(400);
        as("therapist1").body(exam("MAINTENANCE", today, Collections.nCopies(21, question("q", "PASS")))).post(url)
                .then().statusCode(400);
        as("therapist1").body(exam("MAINTENANCE", today.plusDays(1), List.of(question("q", "PASS")))).post(url)
                .then().statusCode(400).body("violations[0].field", equalTo("examinedOn"));
        as("therapist1").body(exam("MAINTENANCE", today, List.of(question("q", "MAYBE")))).post(url).then()
                .statusCode(400);
        Map<String, Object> foreign = new java.util.HashMap<>(exam("DISCLOSURE", today, List.of(question("q",
                "PASS"))));
        String otherCouple = Api.createCouple("therapist1", unique());
        foreign.put("disclosureId", as("therapist1").body(Map.of()).post("/api/v1/couples/" + otherCouple
                + "/disclosures").then().statusCode(201).extract().path("id"));
        as("therapist1").body(foreign).post(url).then().statusCode(400)
                .body("violations[0].field", equalTo("disclosureId"));
        as("therapist1").header("If-Match", "\"0\"").body(Map.of("everyMonths", 25))
                .put("/api/v1/couples/" + coupleId + "/polygraph-schedule").then().statusCode(400);
        as("therapist1").get(url).then().statusCode(200).body("exams", hasSize(0))
                .body("schedule.version", equalTo(0));
    }

    @Test
    void anExaminationRecordedByMistakeIsMarkedAndCountsNowhere() {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        String coupleId = couple.path("id");
        String url = "/api/v1/couples/" + coupleId + "/polygraphs";
        LocalDate today = ClinicDays.demoToday();
        as("therapist1").body(exam("MAINTENANCE", today.minusMonths(3), List.of(question("q", "PASS")))).post(url)
                .then().statusCode(201);
        // Recorded with the wrong day and the wrong outcome.
        String wrong = as("therapist1").body(exam("MAINTENANCE", today.minusDays(1), List.of(question("q",
                "FAIL")))).post(url).then().statusCode(201).extract().path("id");
        String timeline = "/api/v1/couples/" + coupleId + "/trust-timeline";
        as("therapist1").get(timeline).then().statusCode(200)
                .body("events.findAll { it.type == 'POLYGRAPH' }.outcome", hasItem("FAIL"));

        String mark = url + "/" + wrong + "/entered-in-error";
        as("therapist1").body(Map.of("reason", " ")).post(mark).then().statusCode(400)
                .body("violations[0].field", equalTo("reason"));
        as("admin1").body(Map.of("reason", "Wrong day")).post(mark).then().statusCode(403);
        as("therapist2").body(Map.of("reason", "Wrong day")).post(mark).then().statusCode(404);
        String other = Api.createCouple("therapist1", unique());
        as("therapist1").body(Map.of("reason", "Wrong day")).post("/api/v1/couples/" + other + "/polygraphs/" + wrong
                + "/entered-in-error").then().statusCode(404);
        as("therapist1").body(Map.of("reason", "Wrong day, wrong outcome")).post(mark).then().statusCode(200)
                .body("enteredInError.reason", equalTo("Wrong day, wrong outcome"))
                .body("result", equalTo("FAIL"));
        as("therapist1").body(Map.of("reason", "Again")).post(mark).then().statusCode(409)
                .body("type", equalTo("/problems/entered-in-error"));

        // Kept as recorded, with the mark; no longer the last examination, nor on the timeline.
        as("therapist1").header("If-Match", "\"0\"").body(Map.of("everyMonths", 6))
                .put("/api/v1/couples/" + coupleId + "/polygraph-schedule").then().statusCode(200)
                .body("lastExaminedOn", equalTo(today.minusMonths(3).toString()));
        as("therapist1").get(url).then().statusCode(200).body("exams", hasSize(2))
                .body("exams.find { it.id == '" + wrong + "' }.enteredInError.reason",
                        equalTo("Wrong day, wrong outcome"));
        as("admin1").get(url).then().statusCode(200)
                .body("exams.find { it.id == '" + wrong + "' }.enteredInError.at", notNullValue())
                .body("exams.find { it.id == '" + wrong + "' }.enteredInError.reason", nullValue());
        as("therapist1").get(timeline).then().statusCode(200)
                .body("events.findAll { it.type == 'POLYGRAPH' }.outcome", not(hasItem("FAIL")))
                .body("events.findAll { it.type == 'POLYGRAPH' }", hasSize(1));
    }

    @Test
    void polygraphsFollowTheRoleMatrix() {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        String coupleId = couple.path("id");
        String url = "/api/v1/couples/" + coupleId + "/polygraphs";
        Map<String, Object> body = exam("MAINTENANCE", ClinicDays.demoToday(), List.of(question("q", "PASS")));
        anonymous().get(url).then().statusCode(401);
        as("admin1").body(body).post(url).then().statusCode(403);
        asIntegration().get(url).then().statusCode(403);
        Partners.as("therapist1", coupleId, couple.path("partners[1].id")).get(url).then().statusCode(403);
        as("therapist2").body(body).post(url).then().statusCode(404);
        as("therapist2").get(url).then().statusCode(404);
        as("admin9").get(url).then().statusCode(404);
        as("therapist1").get(url).then().statusCode(200).body("exams", hasSize(0));
    }
}
