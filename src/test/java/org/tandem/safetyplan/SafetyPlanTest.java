package org.tandem.safetyplan;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.tandem.testsupport.Api.anonymous;
import static org.tandem.testsupport.Api.as;
import static org.tandem.testsupport.Api.asIntegration;
import static org.tandem.testsupport.Api.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tandem.questionnaire.QuestionnaireResourceTest;
import org.tandem.testsupport.Api;
import org.tandem.testsupport.Partners;

@QuarkusTest
public class SafetyPlanTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Berlin"));

    /** A plan whose every section carries {@code text}. */
    public static Map<String, Object> sections(String text) {
        Map<String, Object> body = new HashMap<>();
        body.put("warningSigns", List.of("Feeling worthless after a fight", text));
        body.put("copingStrategies", List.of("A walk around the block", text));
        body.put("peopleAndPlaces", List.of("My sister", text));
        body.put("professionalsAndCrisisLines", List.of("Crisis line 988", text));
        body.put("makingTheEnvironmentSafe", List.of("Medication kept by my sister", text));
        return body;
    }

    static String url(String coupleId, String partnerId) {
        return "/api/v1/couples/" + coupleId + "/partners/" + partnerId + "/safety-plan";
    }

    @Test
    void aTherapistWritesAndRevisesThePlanThePartnerReads() {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        String coupleId = couple.path("id");
        String kit = couple.path("partners[0].id");
        String lee = couple.path("partners[1].id");
        Response created = as("therapist1").body(sections("Text my friend Sam")).post(url(coupleId, kit)).then()
                .statusCode(201).body("current.number", equalTo(1))
                .body("current.sections.copingStrategies[1]", equalTo("Text my friend Sam")).extract().response();
        as("therapist1").body(sections("again")).post(url(coupleId, kit)).then().statusCode(409)
                .body("type", equalTo("/problems/safety-plan-exists"));

        as("therapist1").body(sections("Call Sam")).put(url(coupleId, kit)).then().statusCode(428);
        Response revised = as("therapist1").header("If-Match", created.header("ETag")).body(sections("Call Sam"))
                .put(url(coupleId, kit)).then().statusCode(200).body("current.number", equalTo(2))
                .body("history", hasSize(2)).body("history[0].sections.copingStrategies[1]",
                        equalTo("Text my friend Sam")).extract().response();
        as("therapist1").header("If-Match", created.header("ETag")).body(sections("stale")).put(url(coupleId, kit))
                .then().statusCode(412);
        as("therapist1").get(url(coupleId, kit)).then().statusCode(200).header("ETag", revised.header("ETag"))
                .body("current.sections.copingStrategies[1]", equalTo("Call Sam"));

        // The partner reads their own current plan; the other partner has none to read, and no way to this one.
        Partners.as("therapist1", coupleId, kit).get("/api/v1/me/safety-plan").then().statusCode(200)
                .body("current.number", equalTo(2)).body("history", hasSize(1))
                .body("current.sections.copingStrategies[1]", equalTo("Call Sam"));
        Partners.as("therapist1", coupleId, lee).get("/api/v1/me/safety-plan").then().statusCode(404);
        Partners.as("therapist1", coupleId, lee).get(url(coupleId, kit)).then().statusCode(403);
    }

    @Test
    void badPlansAreFieldErrorsAndWriteNothing() {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        String url = url(couple.path("id"), couple.path("partners[0].id"));
        Map<String, Object> blank = sections("x");
        blank.put("warningSigns", List.of(" "));
        as("therapist1").body(blank).post(url).then().statusCode(400);
        Map<String, Object> missing = sections("x");
        missing.remove("makingTheEnvironmentSafe");
        as("therapist1").body(missing).post(url).then().statusCode(400)
                .body("violations[0].field", equalTo("makingTheEnvironmentSafe"));
        Map<String, Object> tooMany = sections("x");
        tooMany.put("copingStrategies", new ArrayList<>(Collections.nCopies(21, "walk")));
        as("therapist1").body(tooMany).post(url).then().statusCode(400);
        Map<String, Object> tooLong = sections("x".repeat(501));
        as("therapist1").body(tooLong).post(url).then().statusCode(400);
        as("therapist1").body("{\"warningSigns\": \"not a list\"}").post(url).then().statusCode(400);
        as("therapist1").get(url).then().statusCode(404);
    }

    @Test
    void aFlagIsAcknowledgedWithThePartnersPlanAndATherapistRaisesTheirOwn() {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        String coupleId = couple.path("id");
        String kit = couple.path("partners[0].id");
        String lee = couple.path("partners[1].id");
        as("therapist1").body(QuestionnaireResourceTest.answers("phq-9", kit, List.of(1, 1, 1, 1, 1, 1, 1, 1, 2),
                "THERAPIST")).post("/api/v1/couples/" + coupleId + "/questionnaires").then().statusCode(201);
        String flag = as("therapist1").get("/api/v1/couples/" + coupleId + "/safety-flags").then().statusCode(200)
                .extract().path("[0].id");
        String kitsPlan = as("therapist1").body(sections("x")).post(url(coupleId, kit)).then().statusCode(201)
                .extract().path("id");
        String leesPlan = as("therapist1").body(sections("y")).post(url(coupleId, lee)).then().statusCode(201)
                .extract().path("id");
        String ack = "/api/v1/couples/" + coupleId + "/safety-flags/" + flag + "/acknowledge";
        as("therapist1").queryParam("safetyPlanId", leesPlan).post(ack).then().statusCode(400)
                .body("violations[0].field", equalTo("safetyPlanId"));
        as("therapist1").queryParam("safetyPlanId", "not-a-uuid").post(ack).then().statusCode(400);
        as("therapist1").queryParam("safetyPlanId", kitsPlan).post(ack).then().statusCode(200)
                .body("open", equalTo(false)).body("safetyPlanId", equalTo(kitsPlan));

        // A therapist's own concern goes on the agenda like any flag.
        String own = as("therapist1").body(Map.of("partnerId", lee)).post("/api/v1/couples/" + coupleId
                + "/safety-flags").then().statusCode(201).body("reason", equalTo("therapist-concern"))
                .body("description", equalTo("Raised by a therapist")).body("open", equalTo(true))
                .body("questionnaireId", equalTo(null)).extract().path("id");
        as("therapist1").get("/api/v1/safety-flags").then().statusCode(200).body("id", hasItem(own));
        as("therapist2").get("/api/v1/safety-flags").then().statusCode(200).body("id", not(hasItem(own)));
        as("therapist1").body(Map.of("partnerId", java.util.UUID.randomUUID().toString()))
                .post("/api/v1/couples/" + coupleId + "/safety-flags").then().statusCode(400)
                .body("violations[0].field", equalTo("partnerId"));
        as("therapist1").body(Map.of()).post("/api/v1/couples/" + coupleId + "/safety-flags").then().statusCode(400);
    }

    @Test
    void plansFollowTheRoleMatrix() {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        String coupleId = couple.path("id");
        String kit = couple.path("partners[0].id");
        as("therapist1").body(sections("x")).post(url(coupleId, kit)).then().statusCode(201);
        anonymous().get(url(coupleId, kit)).then().statusCode(401);
        anonymous().get("/api/v1/me/safety-plan").then().statusCode(401);
        anonymous().body(Map.of("partnerId", kit)).post("/api/v1/couples/" + coupleId + "/safety-flags").then()
                .statusCode(401);
        // Therapists of the couple only: not admins, not integrations.
        as("admin1").get(url(coupleId, kit)).then().statusCode(403);
        as("admin1").body(sections("x")).post(url(coupleId, kit)).then().statusCode(403);
        asIntegration().get(url(coupleId, kit)).then().statusCode(403);
        as("admin1").body(Map.of("partnerId", kit)).post("/api/v1/couples/" + coupleId + "/safety-flags").then()
                .statusCode(403);
        as("therapist1").get("/api/v1/me/safety-plan").then().statusCode(403);
        as("therapist2").get(url(coupleId, kit)).then().statusCode(404);
        as("therapist9").get(url(coupleId, kit)).then().statusCode(404);
        as("therapist2").body(Map.of("partnerId", kit)).post("/api/v1/couples/" + coupleId + "/safety-flags").then()
                .statusCode(404);
        as("therapist1").get(url(coupleId, java.util.UUID.randomUUID().toString())).then().statusCode(404);
    }
}
