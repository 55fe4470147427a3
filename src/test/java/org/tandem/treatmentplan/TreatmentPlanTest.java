package org.tandem.treatmentplan;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tandem.testsupport.Api.anonymous;
import static org.tandem.testsupport.Api.as;
import static org.tandem.testsupport.Api.asIntegration;
import static org.tandem.testsupport.Api.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.tandem.questionnaire.QuestionnaireResourceTest;
import org.tandem.testsupport.Api;
import org.tandem.testsupport.Partners;

@QuarkusTest
public class TreatmentPlanTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Berlin"));

    static String url(String coupleId) {
        return "/api/v1/couples/" + coupleId + "/treatment-plan";
    }

    static Map<String, Object> measure(String key, String partnerId, String comparator, double target) {
        Map<String, Object> m = new HashMap<>();
        m.put("key", key);
        m.put("partnerId", partnerId);
        m.put("comparator", comparator);
        m.put("target", target);
        return m;
    }

    /** One problem, one goal, a PHQ-9 objective for {@code partnerId} and a trust objective for the couple. */
    public static Map<String, Object> plan(String text, String partnerId, String exerciseId, LocalDate reviewOn) {
        Map<String, Object> intervention = new HashMap<>();
        intervention.put("text", "Daily check-in " + text);
        intervention.put("exerciseId", exerciseId);
        return Map.of("reviewOn", reviewOn.toString(), "problems", List.of(Map.of("text", "Broken trust " + text,
                "goals", List.of(Map.of("text", "Rebuild trust " + text, "targetDate", TODAY.plusMonths(6).toString(),
                        "objectives", List.of(
                                Map.of("text", "Depressive symptoms below the clinical range " + text,
                                        "measure", measure("phq-9", partnerId, "BELOW", 10)),
                                Map.of("text", "Trust rated 7 or more " + text,
                                        "measure", measure("trust", null, "AT_LEAST", 7)),
                                Map.of("text", "Unmeasured objective " + text)),
                        "interventions", List.of(intervention))))));
    }

    static String exercise() {
        return as("therapist1").queryParam("size", 1).get("/api/v1/exercises").then().statusCode(200).extract()
                .path("items[0].id");
    }

    @Test
    void writtenSignedAgreedAndChangedIntoANewVersion() {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        String coupleId = couple.path("id");
        String kit = couple.path("partners[0].id");
        String lee = couple.path("partners[1].id");
        Response created = as("therapist1").body(plan("v1", kit, exercise(), TODAY.plusMonths(3)))
                .post(url(coupleId)).then().statusCode(201).body("latest.status", equalTo("DRAFT"))
                .body("inForce", nullValue())
                .body("latest.problems[0].goals[0].objectives[0].measure.key", equalTo("phq-9"))
                .extract().response();
        Partners.as("therapist1", coupleId, kit).get("/api/v1/me/treatment-plan").then().statusCode(404);
        Partners.as("therapist1", coupleId, kit).post("/api/v1/me/treatment-plan/agreement").then().statusCode(409)
                .body("type", equalTo("/problems/plan-not-signed"));

        Response signed = as("therapist1").header("If-Match", created.header("ETag")).post(url(coupleId) + "/sign")
                .then().statusCode(200).body("latest.status", equalTo("SIGNED")).body("inForce", equalTo(1))
                .extract().response();
        as("therapist1").header("If-Match", signed.header("ETag")).post(url(coupleId) + "/sign").then()
                .statusCode(409).body("type", equalTo("/problems/plan-signed"));
        Partners.as("therapist1", coupleId, kit).get("/api/v1/me/treatment-plan").then().statusCode(200)
                .body("number", equalTo(1)).body("problems[0].text", equalTo("Broken trust v1"));
        Partners.as("therapist1", coupleId, kit).post("/api/v1/me/treatment-plan/agreement").then().statusCode(200)
                .body("agreements.partnerId", equalTo(List.of(kit)));
        Partners.as("therapist1", coupleId, kit).post("/api/v1/me/treatment-plan/agreement").then().statusCode(200)
                .body("agreements", hasSize(1));

        // A change to a signed plan is a new draft; version 1 stays in force until it is signed.
        Response changed = as("therapist1").header("If-Match", signed.header("ETag"))
                .body(plan("v2", kit, null, TODAY.plusMonths(4))).put(url(coupleId)).then().statusCode(200)
                .body("latest.number", equalTo(2)).body("latest.status", equalTo("DRAFT")).body("inForce", equalTo(1))
                .body("history.status", equalTo(List.of("SIGNED", "DRAFT"))).extract().response();
        as("therapist1").header("If-Match", signed.header("ETag")).body(plan("stale", kit, null, TODAY))
                .put(url(coupleId)).then().statusCode(412);
        Partners.as("therapist1", coupleId, lee).get("/api/v1/me/treatment-plan").then().statusCode(200)
                .body("number", equalTo(1));
        as("therapist1").header("If-Match", changed.header("ETag")).post(url(coupleId) + "/sign").then()
                .statusCode(200).body("history.status", equalTo(List.of("SUPERSEDED", "SIGNED")))
                .body("history[0].agreements.partnerId", equalTo(List.of(kit)));
        Partners.as("therapist1", coupleId, lee).get("/api/v1/me/treatment-plan").then().statusCode(200)
                .body("number", equalTo(2)).body("problems[0].text", equalTo("Broken trust v2"))
                .body("agreements", hasSize(0));

        // An admin sees the versions and dates, not the words.
        as("admin1").get(url(coupleId)).then().statusCode(200).body("latest.problems", nullValue())
                .body("history[0].problems", nullValue()).body("latest.reviewOn", equalTo(TODAY.plusMonths(4)
                        .toString()));
    }

    @Test
    void theProgressSummaryAndTheReportShowEachObjectiveAgainstItsTarget() throws Exception {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        String coupleId = couple.path("id");
        String kit = couple.path("partners[0].id");
        as("therapist1").body(plan("p", kit, null, TODAY.plusMonths(3))).post(url(coupleId)).then().statusCode(201);
        as("therapist1").body(QuestionnaireResourceTest.answers("phq-9", kit, List.of(1, 1, 1, 1, 1, 1, 1, 1, 0),
                "THERAPIST")).post("/api/v1/couples/" + coupleId + "/questionnaires").then().statusCode(201);
        as("therapist1").body(Map.of("metric", "trust", "date", TODAY.toString(), "value", 6, "source", "THERAPIST"))
                .post("/api/v1/couples/" + coupleId + "/measurements").then().statusCode(201);

        as("therapist1").get("/api/v1/couples/" + coupleId + "/progress").then().statusCode(200)
                .body("objectives", hasSize(2))
                .body("objectives[0].path", equalTo("1.1.1")).body("objectives[0].key", equalTo("phq-9"))
                .body("objectives[0].latest", equalTo(8.0f)).body("objectives[0].met", equalTo(true))
                .body("objectives[0].text", equalTo("Depressive symptoms below the clinical range p"))
                .body("objectives[1].key", equalTo("trust")).body("objectives[1].partnerId", nullValue())
                .body("objectives[1].latest", equalTo(6.0f)).body("objectives[1].met", equalTo(false));
        as("admin1").get("/api/v1/couples/" + coupleId + "/progress").then().statusCode(200)
                .body("objectives[0].met", equalTo(true)).body("objectives[0].text", nullValue());

        byte[] pdf = as("therapist1").accept("application/pdf").queryParam("format", "pdf")
                .get("/api/v1/couples/" + coupleId + "/report").then().statusCode(200).extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("Treatment plan objectives"), text);
            assertTrue(text.contains("1.1.1") && text.contains("target below 10.0") && text.contains("latest 8.0"),
                    text);
            assertTrue(text.contains("1.1.2") && text.contains("not met"), text);
        }
    }

    @Test
    void badPlansAreFieldErrorsAndWriteNothing() {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        String coupleId = couple.path("id");
        String kit = couple.path("partners[0].id");
        as("therapist1").body(replaceKey(plan("x", kit, null, TODAY.plusDays(30)), "nope")).post(url(coupleId))
                .then()
                .statusCode(400).body("violations[0].field", equalTo("measure.key"));
        as("therapist1").body(plan("x", null, null, TODAY.plusDays(30))).post(url(coupleId)).then().statusCode(400)
                .body("violations[0].field", equalTo("measure.partnerId"));
        as("therapist1").body(plan("x", java.util.UUID.randomUUID().toString(), null, TODAY.plusDays(30)))
                .post(url(coupleId)).then().statusCode(400).body("violations[0].field", equalTo("measure.partnerId"));
        as("therapist1").body(plan("x", kit, java.util.UUID.randomUUID().toString(), TODAY.plusDays(30)))
                .post(url(coupleId)).then().statusCode(400)
                .body("violations[0].field", equalTo("interventions.exerciseId"));
        as("therapist1").body(plan("x", kit, null, TODAY.minusDays(1))).post(url(coupleId)).then().statusCode(400)
                .body("violations[0].field", equalTo("reviewOn"));
        as("therapist1").body(Map.of("reviewOn", TODAY.plusDays(3).toString(), "problems", List.of()))
                .post(url(coupleId)).then().statusCode(400);
        as("therapist1").body("{\"reviewOn\": \"tomorrow\", \"problems\": []}").post(url(coupleId)).then()
                .statusCode(400);
        as("therapist1").get(url(coupleId)).then().statusCode(404);
        as("therapist1").body(plan("x", kit, null, TODAY.plusDays(30))).post(url(coupleId)).then().statusCode(201);
        as("therapist1").body(plan("x", kit, null, TODAY.plusDays(30))).post(url(coupleId)).then().statusCode(409)
                .body("type", equalTo("/problems/treatment-plan-exists"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> replaceKey(Map<String, Object> plan, String key) {
        Map<String, Object> problem = (Map<String, Object>) ((List<?>) plan.get("problems")).get(0);
        Map<String, Object> goal = (Map<String, Object>) ((List<?>) problem.get("goals")).get(0);
        Map<String, Object> objective = (Map<String, Object>) ((List<?>) goal.get("objectives")).get(0);
        Map<String, Object> measure = new HashMap<>((Map<String, Object>) objective.get("measure"));
        measure.put("key", key);
        Map<String, Object> newObjective = new HashMap<>(objective);
        newObjective.put("measure", measure);
        Map<String, Object> newGoal = new HashMap<>(goal);
        newGoal.put("objectives", List.of(newObjective));
        Map<String, Object> newProblem = new HashMap<>(problem);
        newProblem.put("goals", List.of(newGoal));
        Map<String, Object> out = new HashMap<>(plan);
        out.put("problems", List.of(newProblem));
        return out;
    }

    @Test
    void reviewsDueAreListedAcrossATherapistsCouples() {
        Response mine = Api.createCouple("therapist1", Api.coupleBody(unique()));
        Response theirs = Api.createCouple("therapist2", Api.coupleBody(unique()));
        String soon = as("therapist1").body(plan("a", mine.path("partners[0].id"), null, TODAY.plusDays(3)))
                .post(url(mine.path("id"))).then().statusCode(201).extract().path("id");
        String other = as("therapist2").body(plan("b", theirs.path("partners[0].id"), null, TODAY.plusDays(2)))
                .post(url(theirs.path("id"))).then().statusCode(201).extract().path("id");
        as("therapist1").queryParam("days", 7).get("/api/v1/treatment-plan-reviews").then().statusCode(200)
                .body("planId", hasItem(soon)).body("planId", not(hasItem(other)));
        as("therapist1").queryParam("days", 1).get("/api/v1/treatment-plan-reviews").then().statusCode(200)
                .body("planId", not(hasItem(soon)));
        as("admin1").queryParam("days", 7).get("/api/v1/treatment-plan-reviews").then().statusCode(200)
                .body("planId", hasItem(soon)).body("planId", hasItem(other));
        as("admin9").queryParam("days", 7).get("/api/v1/treatment-plan-reviews").then().statusCode(200)
                .body("planId", not(hasItem(soon)));
        as("therapist1").queryParam("days", 400).get("/api/v1/treatment-plan-reviews").then().statusCode(400);
    }

    @Test
    void plansFollowTheRoleMatrix() {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        String coupleId = couple.path("id");
        String kit = couple.path("partners[0].id");
        Map<String, Object> body = plan("x", kit, null, TODAY.plusDays(30));
        anonymous().body(body).post(url(coupleId)).then().statusCode(401);
        anonymous().get(url(coupleId)).then().statusCode(401);
        anonymous().get("/api/v1/me/treatment-plan").then().statusCode(401);
        anonymous().get("/api/v1/treatment-plan-reviews").then().statusCode(401);
        as("admin1").body(body).post(url(coupleId)).then().statusCode(403);
        asIntegration().body(body).post(url(coupleId)).then().statusCode(403);
        asIntegration().get(url(coupleId)).then().statusCode(404);
        Partners.as("therapist1", coupleId, kit).get(url(coupleId)).then().statusCode(403);
        as("therapist1").get("/api/v1/me/treatment-plan").then().statusCode(403);
        as("therapist2").body(body).post(url(coupleId)).then().statusCode(404);
        as("admin9").get(url(coupleId)).then().statusCode(404);
        as("therapist1").body(body).post(url(coupleId)).then().statusCode(201);
        // An integration with treatment-plans:read sees what an admin sees: versions and dates, never the words.
        asIntegration().get(url(coupleId)).then().statusCode(200).body("latest.status", equalTo("DRAFT"))
                .body("latest.problems", nullValue());
        Api.asReadOnlyIntegration().get(url(coupleId)).then().statusCode(403)
                .body("type", equalTo("/problems/insufficient-scope"));
        as("therapist2").get(url(coupleId)).then().statusCode(404);
        as("therapist9").header("If-Match", "\"0\"").post(url(coupleId) + "/sign").then().statusCode(404);
        Response other = Api.createCouple("therapist1", Api.coupleBody(unique()));
        Partners.as("therapist1", other.path("id"), other.path("partners[0].id")).get("/api/v1/me/treatment-plan")
                .then().statusCode(404);
    }
}
