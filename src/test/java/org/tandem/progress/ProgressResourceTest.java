package org.tandem.progress;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.tandem.testsupport.Api.anonymous;
import static org.tandem.testsupport.Api.as;
import static org.tandem.testsupport.Api.asIntegration;
import static org.tandem.testsupport.Api.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tandem.boundary.BoundaryResourceTest;
import org.tandem.measurement.MeasurementResourceTest;
import org.tandem.questionnaire.QuestionnaireResourceTest;
import org.tandem.sobriety.SobrietyResourceTest;
import org.tandem.testsupport.Bookings;

@QuarkusTest
class ProgressResourceTest {

    private static final ZoneId CLINIC = ZoneId.of("Europe/Berlin");
    private static final LocalDate TODAY = LocalDate.now(CLINIC);

    /**
     * A couple over 60 days: PHQ-9 20 -> 15 -> 8 (recovered: -12 beats the 5.99 threshold and crosses 10), trust
     * rated by the therapist 3 -> 7 (improved: +4 beats 3.04), a single self-report, a couple rating, a slip, an
     * exercise done 3 of 11 days, sessions held, missed, cancelled and cancelled late, boundary reviews and a flag.
     */
    @Test
    void summarisesTheCouplesProgress() {
        Response couple = SobrietyResourceTest.coupleSoberSince(TODAY.minusDays(100));
        String coupleId = couple.path("id");
        String p1 = couple.path("partners[0].id");
        String p2 = couple.path("partners[1].id");

        phq9(coupleId, p1, TODAY.minusDays(60), List.of(3, 3, 3, 3, 3, 3, 2, 0, 0));
        phq9(coupleId, p1, TODAY.minusDays(30), List.of(2, 2, 2, 2, 2, 2, 2, 0, 1)); // item 9: a flag
        phq9(coupleId, p1, TODAY.minusDays(5), List.of(1, 1, 1, 1, 1, 1, 1, 1, 0));
        rate(coupleId, p2, "trust", TODAY.minusDays(50), 3, "THERAPIST");
        rate(coupleId, p2, "trust", TODAY.minusDays(3), 7, "THERAPIST");
        rate(coupleId, p2, "trust", TODAY.minusDays(2), 5, "SELF_REPORT");
        rate(coupleId, null, "communication", TODAY.minusDays(20), 4, "THERAPIST");
        rate(coupleId, p2, "hope", TODAY.minusDays(90), 1, "THERAPIST"); // before the period
        as("therapist1").body(SobrietyResourceTest.reset(TODAY.minusDays(40), "SLIP", null))
                .post(SobrietyResourceTest.path(coupleId, p1) + "/resets").then().statusCode(201);

        String exerciseId = as("therapist1").queryParam("size", 1).get("/api/v1/exercises").then().statusCode(200)
                .extract().path("items[0].id");
        String assignmentId = as("therapist1").body(Map.of("exerciseId", exerciseId, "cadence", "DAILY",
                "startsOn", TODAY.minusDays(10).toString())).post("/api/v1/couples/" + coupleId + "/assignments")
                .then().statusCode(201).extract().path("id");
        for (int daysAgo : new int[] {9, 5, 1}) {
            as("therapist1").body(Map.of("partnerId", p1, "date", TODAY.minusDays(daysAgo).toString()))
                    .post("/api/v1/couples/" + coupleId + "/assignments/" + assignmentId + "/completions").then()
                    .statusCode(201);
        }

        ZonedDateTime pastDay = TODAY.minusDays(20).atTime(6, 0).atZone(CLINIC);
        String held = book(coupleId, pastDay.toInstant(), 0);
        String missed = book(coupleId, pastDay.toInstant(), 1);
        String cancelled = book(coupleId, pastDay.toInstant(), 2);
        book(coupleId, pastDay.toInstant(), 3); // still scheduled
        Instant soon = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES).plusSeconds(7 * 60);
        String late = book(coupleId, soon, 0);
        lifecycle(held, "complete", null);
        lifecycle(missed, "no-show", null);
        lifecycle(cancelled, "cancel", Map.of("cancelledBy", "CLIENT"));
        lifecycle(late, "cancel", Map.of("cancelledBy", "CLIENT"));

        String overdue = as("therapist1").body(BoundaryResourceTest.boundary("No contact with the affair partner",
                p2, p2, TODAY.minusDays(30), TODAY.minusDays(2))).post("/api/v1/couples/" + coupleId + "/boundaries")
                .then().statusCode(201).extract().path("id");
        as("therapist1").body(BoundaryResourceTest.boundary("Phones stay downstairs", p1, null, TODAY.minusDays(30),
                TODAY.plusDays(30))).post("/api/v1/couples/" + coupleId + "/boundaries").then().statusCode(201);

        JsonPath summary = as("therapist1").queryParam("from", TODAY.minusDays(60).toString())
                .queryParam("to", TODAY.plusDays(1).toString()).get(path(coupleId)).then().statusCode(200)
                .body("from", equalTo(TODAY.minusDays(60).toString())).extract().jsonPath();

        String phq = "partners.find { it.partnerId == '" + p1 + "' }.questionnaires.find { it.key == 'phq-9' }";
        org.junit.jupiter.api.Assertions.assertAll(
                () -> assertEq(List.of(20.0f, 15.0f, 8.0f), summary.getList(phq + ".series.value")),
                () -> assertEq(List.of("severe", "moderately severe", "mild"), summary.getList(phq + ".series.band")),
                () -> assertEq(20.0f, summary.get(phq + ".baseline.value")),
                () -> assertEq(8.0f, summary.get(phq + ".latest.value")),
                () -> assertEq(-12.0f, summary.get(phq + ".change")),
                () -> assertEq(-3.93f, summary.get(phq + ".rci")), // -12 / (5.4 * sqrt(2 * 0.16))
                () -> assertEq(5.99f, summary.get(phq + ".reliableChangeThreshold")),
                () -> assertEq(true, summary.get(phq + ".reliable")),
                () -> assertEq(true, summary.get(phq + ".clinicallySignificant")),
                () -> assertEq("RECOVERED", summary.get(phq + ".outcome")));

        String p2Ratings = "partners.find { it.partnerId == '" + p2 + "' }.ratings";
        String trustTherapist = p2Ratings + ".find { it.key == 'trust' && it.source == 'THERAPIST' }";
        String trustSelf = p2Ratings + ".find { it.key == 'trust' && it.source == 'SELF_REPORT' }";
        org.junit.jupiter.api.Assertions.assertAll(
                () -> assertEq(4.0f, summary.get(trustTherapist + ".change")),
                () -> assertEq("IMPROVED", summary.get(trustTherapist + ".outcome")),
                () -> assertEq(null, summary.get(trustTherapist + ".clinicallySignificant")),
                () -> assertEq(1, summary.getList(trustSelf + ".series").size()),
                () -> assertEq(null, summary.get(trustSelf + ".outcome")),
                () -> assertEq(2, summary.getList(p2Ratings).size()), // hope was before the period
                () -> assertEq(List.of("communication"), summary.getList("couple.key")),
                () -> assertEq(null, summary.get("partners.find { it.partnerId == '" + p2 + "' }.sobriety")));

        String sobriety = "partners.find { it.partnerId == '" + p1 + "' }.sobriety";
        String adherence = "adherence.find { it.assignmentId == '" + assignmentId + "' }";
        org.junit.jupiter.api.Assertions.assertAll(
                () -> assertEq(TODAY.minusDays(39).toString(), summary.get(sobriety + ".currentStreakStart")),
                () -> assertEq(39, summary.get(sobriety + ".currentStreakDays")),
                () -> assertEq(60, summary.get(sobriety + ".longestStreakDays")),
                () -> assertEq(1, summary.get(sobriety + ".resetsInPeriod")),
                () -> assertEq(11, summary.get(adherence + ".partners.find { it.partnerId == '" + p1 + "' }.due")),
                () -> assertEq(3, summary.get(adherence + ".partners.find { it.partnerId == '" + p1 + "' }.done")),
                () -> assertEq(0, summary.get(adherence + ".partners.find { it.partnerId == '" + p2 + "' }.done")),
                () -> assertEq(1, summary.get("attendance.attended")),
                () -> assertEq(1, summary.get("attendance.missed")),
                () -> assertEq(2, summary.get("attendance.cancelled")),
                () -> assertEq(1, summary.get("attendance.cancelledLate")),
                () -> assertEq(1, summary.get("attendance.scheduled")),
                () -> assertEq(List.of(overdue), summary.getList("boundaryReviewsDue.boundaryId")),
                () -> assertEq(true, summary.get("boundaryReviewsDue[0].overdue")),
                () -> assertEq(List.of("phq-9-item-9"), summary.getList("safetyFlags.reason")));

        // Admins read the same summary. A shorter period moves the baseline to 15: -7 still beats 5.99 and crosses 10.
        as("admin1").queryParam("from", TODAY.minusDays(31).toString()).get(path(coupleId)).then().statusCode(200)
                .body("partners.find { it.partnerId == '" + p1 + "' }.questionnaires[0].baseline.value",
                        equalTo(15.0f))
                .body("partners.find { it.partnerId == '" + p1 + "' }.questionnaires[0].outcome",
                        equalTo("RECOVERED"))
                .body("partners.find { it.partnerId == '" + p1 + "' }.questionnaires[0].change", equalTo(-7.0f));
        as("admin1").queryParam("recordType", "couple").queryParam("recordId", coupleId).get("/api/v1/audit-events")
                .then().body("items.action", org.hamcrest.Matchers.hasItem("progress.read"));
    }

    /**
     * Every assignment counts its own completions and pauses (all of them read at once), and a metric the clinic
     * defines after a summary was read counts in the next summary (each replica remembers the clinic's metrics).
     */
    @Test
    void everyAssignmentAndANewlyDefinedMetricCount() {
        Response couple = org.tandem.testsupport.Api.createCouple("therapist1",
                org.tandem.testsupport.Api.coupleBody(unique()));
        String coupleId = couple.path("id");
        String p1 = couple.path("partners[0].id");
        String p2 = couple.path("partners[1].id");
        as("therapist1").get(path(coupleId)).then().statusCode(200).body("couple", hasSize(0));

        String key = "craving-" + unique();
        as("admin1").body(MeasurementResourceTest.metric(key, 0, 100, "LOWER_IS_BETTER")).post("/api/v1/metrics")
                .then().statusCode(201);
        rate(coupleId, null, key, TODAY.minusDays(1), 80, "THERAPIST");

        String exerciseId = as("therapist1").queryParam("size", 1).get("/api/v1/exercises").then().statusCode(200)
                .extract().path("items[0].id");
        String start = TODAY.minusDays(4).toString();
        String both = assign(coupleId, Map.of("exerciseId", exerciseId, "cadence", "DAILY", "startsOn", start))
                .path("id");
        Response p2Only = assign(coupleId, Map.of("exerciseId", exerciseId, "cadence", "DAILY", "startsOn", start,
                "partnerId", p2));
        complete(coupleId, both, p1, 4);
        complete(coupleId, both, p1, 3);
        complete(coupleId, both, p2, 2);
        String mistake = complete(coupleId, both, p1, 1);
        as("therapist1").body(Map.of("reason", "Logged on the wrong day")).post("/api/v1/couples/" + coupleId
                + "/assignments/" + both + "/completions/" + mistake + "/entered-in-error").then().statusCode(200);
        complete(coupleId, p2Only.path("id"), p2, 3);
        as("therapist1").header("If-Match", p2Only.header("ETag")).body(Map.of("status", "PAUSED"))
                .post("/api/v1/couples/" + coupleId + "/assignments/" + p2Only.path("id") + "/status").then()
                .statusCode(200);

        JsonPath summary = as("therapist1").queryParam("from", start).get(path(coupleId)).then().statusCode(200)
                .extract().jsonPath();
        String first = "adherence.find { it.assignmentId == '" + both + "' }.partners";
        String second = "adherence.find { it.assignmentId == '" + p2Only.path("id") + "' }.partners";
        org.junit.jupiter.api.Assertions.assertAll(
                () -> assertEq(List.of(80.0f), summary.getList("couple.find { it.key == '" + key + "' }.series.value")),
                () -> assertEq("Metric " + key, summary.get("couple.find { it.key == '" + key + "' }.name")),
                () -> assertEq(5, summary.get(first + ".find { it.partnerId == '" + p1 + "' }.due")),
                () -> assertEq(2, summary.get(first + ".find { it.partnerId == '" + p1 + "' }.done")),
                () -> assertEq(1, summary.get(first + ".find { it.partnerId == '" + p2 + "' }.done")),
                () -> assertEq(List.of(p2), summary.getList(second + ".partnerId")),
                () -> assertEq(4, summary.get(second + "[0].due")), // paused today
                () -> assertEq(1, summary.get(second + "[0].done")));

        // A shorter period counts only its own days: p2's completion two days ago is after it.
        JsonPath earlier = as("therapist1").queryParam("from", start).queryParam("to", TODAY.minusDays(3).toString())
                .get(path(coupleId)).then().statusCode(200).extract().jsonPath();
        org.junit.jupiter.api.Assertions.assertAll(
                () -> assertEq(2, earlier.get(first + ".find { it.partnerId == '" + p1 + "' }.due")),
                () -> assertEq(2, earlier.get(first + ".find { it.partnerId == '" + p1 + "' }.done")),
                () -> assertEq(0, earlier.get(first + ".find { it.partnerId == '" + p2 + "' }.done")),
                () -> assertEq(1, earlier.get(second + "[0].done")));
    }

    private static Response assign(String coupleId, Map<String, Object> body) {
        return as("therapist1").body(body).post("/api/v1/couples/" + coupleId + "/assignments").then()
                .statusCode(201).extract().response();
    }

    private static String complete(String coupleId, String assignmentId, String partnerId, int daysAgo) {
        return as("therapist1").body(Map.of("partnerId", partnerId, "date", TODAY.minusDays(daysAgo).toString()))
                .post("/api/v1/couples/" + coupleId + "/assignments/" + assignmentId + "/completions").then()
                .statusCode(201).extract().path("id");
    }

    @Test
    void aNewCoupleHasAnEmptySummary() {
        String coupleId = org.tandem.testsupport.Api.createCouple("therapist1", unique());
        as("therapist1").get(path(coupleId)).then().statusCode(200).body("to", equalTo(TODAY.toString()))
                .body("partners", hasSize(2)).body("partners[0].ratings", hasSize(0))
                .body("partners[0].questionnaires", hasSize(0)).body("couple", hasSize(0))
                .body("adherence", hasSize(0)).body("attendance.attended", equalTo(0))
                .body("safetyFlags", hasSize(0)).body("partners[1].sobriety", nullValue())
                .body("partners[0].sobriety.sobrietyDate", equalTo("2026-01-15"));
    }

    @Test
    void badPeriodsAreFieldErrors() {
        String coupleId = org.tandem.testsupport.Api.createCouple("therapist1", unique());
        as("therapist1").queryParam("from", TODAY.toString()).queryParam("to", TODAY.minusDays(1).toString())
                .get(path(coupleId)).then().statusCode(400).body("violations[0].field", equalTo("to"));
        as("therapist1").queryParam("from", TODAY.minusDays(800).toString()).queryParam("to", TODAY.toString())
                .get(path(coupleId)).then().statusCode(400).body("violations[0].field", equalTo("to"));
        as("therapist1").queryParam("from", "2031-02-30").get(path(coupleId)).then().statusCode(400)
                .body("violations[0].field", equalTo("from"));
        as("therapist1").queryParam("to", "tomorrow").get(path(coupleId)).then().statusCode(400)
                .body("violations[0].field", equalTo("to"));
    }

    @Test
    void progressFollowsTheRoleMatrix() {
        String coupleId = org.tandem.testsupport.Api.createCouple("therapist1", unique());
        anonymous().get(path(coupleId)).then().statusCode(401);
        asIntegration().get(path(coupleId)).then().statusCode(403);
        as("therapist2").get(path(coupleId)).then().statusCode(404);
        as("admin9").get(path(coupleId)).then().statusCode(404);
        as("therapist9").get(path(java.util.UUID.randomUUID().toString())).then().statusCode(404);
        as("admin1").get(path(coupleId)).then().statusCode(200).body("coupleId", equalTo(coupleId));
    }

    private static void assertEq(Object expected, Object actual) {
        org.junit.jupiter.api.Assertions.assertEquals(expected, actual);
    }

    private static void phq9(String coupleId, String partnerId, LocalDate date, List<Integer> answers) {
        Map<String, Object> body = QuestionnaireResourceTest.answers("phq-9", partnerId, answers, "SELF_REPORT");
        body.put("date", date.toString());
        as("therapist1").body(body).post(QuestionnaireResourceTest.path(coupleId)).then().statusCode(201);
    }

    private static void rate(String coupleId, String partnerId, String metric, LocalDate date, int value,
            String source) {
        as("therapist1").body(MeasurementResourceTest.rating(metric, partnerId, date, value, source))
                .post(MeasurementResourceTest.path(coupleId)).then().statusCode(201);
    }

    /** A 30-minute session starting {@code hours} after {@code start}. */
    private static String book(String coupleId, Instant start, int hours) {
        Instant s = start.plus(hours, ChronoUnit.HOURS);
        return Bookings.book("therapist1", Bookings.session(coupleId, s.toString(),
                s.plus(30, ChronoUnit.MINUTES).toString())).path("id");
    }

    private static void lifecycle(String sessionId, String action, Map<String, Object> body) {
        String etag = as("therapist1").get(Bookings.SESSIONS + "/" + sessionId).then().extract().header("ETag");
        var request = as("therapist1").header("If-Match", etag);
        if (body != null) {
            request = request.body(body);
        }
        request.post(Bookings.SESSIONS + "/" + sessionId + "/" + action).then().statusCode(200);
    }

    private static String path(String coupleId) {
        return "/api/v1/couples/" + coupleId + "/progress";
    }
}
