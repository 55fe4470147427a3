package org.tandem.questionnaire;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
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
import org.tandem.testsupport.Api;
import org.tandem.testsupport.Partners;
import org.tandem.testsupport.Bookings;
import org.tandem.testsupport.Slots;

@QuarkusTest
public class QuestionnaireResourceTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Berlin"));

    @Test
    void theServerScoresTheAnswers() {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        String coupleId = couple.path("id");
        String p1 = couple.path("partners[0].id");
        String p2 = couple.path("partners[1].id");
        String id = as("therapist1").body(answers("gad-7", p1, List.of(3, 3, 2, 2, 1, 1, 0), "SELF_REPORT"))
                .post(path(coupleId)).then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString(path(coupleId) + "/"))
                .body("score", equalTo(12.0f)).body("band", equalTo("moderate")).body("clinical", equalTo(true))
                .body("safetyFlags", hasSize(0)).body("private", equalTo(true))
                .body("answers", contains(3, 3, 2, 2, 1, 1, 0)).extract().path("id");
        List<Integer> pcl = new ArrayList<>(Collections.nCopies(20, 1));
        as("therapist1").body(answers("pcl-5", p2, pcl, "THERAPIST")).post(path(coupleId)).then().statusCode(201)
                .body("score", equalTo(20.0f)).body("subscales.B", equalTo(5.0f)).body("subscales.C", equalTo(2.0f))
                .body("subscales.D", equalTo(7.0f)).body("subscales.E", equalTo(6.0f)).body("clinical", equalTo(false));
        as("therapist1").body(answers("csi-16", p2, Collections.nCopies(16, 0), "SELF_REPORT")).post(path(coupleId))
                .then().statusCode(201).body("score", equalTo(20.0f))
                .body("band", equalTo("notable relationship dissatisfaction"));

        as("therapist1").get(path(coupleId) + "/" + id).then().statusCode(200).body("score", equalTo(12.0f))
                .body("answers", hasSize(7));
        // Admins see scores for reports, not the item answers.
        as("admin1").get(path(coupleId) + "/" + id).then().statusCode(200).body("score", equalTo(12.0f))
                .body("answers", nullValue());
        as("therapist1").queryParam("instrument", "pcl-5").get(path(coupleId)).then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].instrument", equalTo("pcl-5"));
    }

    @Test
    void phq9Item9RaisesASafetyFlagOnTheCoupleAndTheAgenda() {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        String coupleId = couple.path("id");
        String p1 = couple.path("partners[0].id");
        LocalDate day = Slots.day();
        String sessionId = Bookings.book("therapist1", Bookings.session(coupleId, day + "T09:00", day + "T09:50"))
                .path("id");

        Response submitted = asIntegration().body(answers("phq-9", p1, List.of(1, 1, 1, 1, 1, 1, 1, 1, 1),
                "SELF_REPORT")).post(path(coupleId)).then().statusCode(201).body("score", equalTo(9.0f))
                .body("band", equalTo("mild")).body("safetyFlags", contains("phq-9-item-9")).extract().response();

        as("therapist1").get("/api/v1/couples/" + coupleId).then().body("openSafetyFlags", equalTo(1));
        as("therapist1").get("/api/v1/sessions/" + sessionId).then().body("coupleSafetyFlag", equalTo(true));
        // Lists show the same, and a session booked now shows it from its first response.
        as("therapist1").queryParam("q", (String) couple.path("code")).get("/api/v1/couples").then()
                .body("items.openSafetyFlags", contains(1));
        as("therapist1").queryParam("coupleId", coupleId).get("/api/v1/sessions").then()
                .body("items.coupleSafetyFlag", contains(true));
        Bookings.book("therapist1", Bookings.session(coupleId, day + "T11:00", day + "T11:50")).then()
                .body("coupleSafetyFlag", equalTo(true));
        Response agenda = as("therapist1").get("/api/v1/safety-flags").then().statusCode(200)
                .body("coupleId", hasItem(coupleId)).extract().response();
        String flagId = agenda.path("find { it.coupleId == '" + coupleId + "' }.id");
        as("therapist1").get("/api/v1/couples/" + coupleId + "/safety-flags").then().statusCode(200)
                .body("[0].reason", equalTo("phq-9-item-9")).body("[0].open", equalTo(true))
                .body("[0].questionnaireId", equalTo(submitted.path("id")))
                .body("[0].partnerId", equalTo(p1));
        as("admin1").get("/api/v1/safety-flags").then().body("id", hasItem(flagId));
        as("therapist2").get("/api/v1/safety-flags").then().body("id", not(hasItem(flagId)));
        as("admin9").get("/api/v1/safety-flags").then().body("id", not(hasItem(flagId)));
        as("admin1").queryParam("recordType", "safety-flag").queryParam("recordId", flagId)
                .get("/api/v1/audit-events").then().statusCode(200).body("items.action", hasItem("safety.flag-raised"));

        as("admin1").post(flagPath(coupleId, flagId)).then().statusCode(403);
        as("therapist2").post(flagPath(coupleId, flagId)).then().statusCode(404);
        as("therapist1").post(flagPath(coupleId, flagId)).then().statusCode(200).body("open", equalTo(false))
                .body("acknowledgedBy", equalTo(Api.THERAPIST1_SUB));
        as("therapist1").post(flagPath(coupleId, flagId)).then().statusCode(409)
                .body("type", equalTo("/problems/already-acknowledged"));
        as("therapist1").get("/api/v1/couples/" + coupleId).then().body("openSafetyFlags", equalTo(0));
        as("therapist1").get("/api/v1/sessions/" + sessionId).then().body("coupleSafetyFlag", equalTo(false));
        as("therapist1").get("/api/v1/safety-flags").then().body("id", not(hasItem(flagId)));
        as("therapist1").queryParam("status", "ACKNOWLEDGED").get("/api/v1/couples/" + coupleId + "/safety-flags")
                .then().body("id", contains(flagId));
        as("therapist1").queryParam("status", "MAYBE").get("/api/v1/couples/" + coupleId + "/safety-flags")
                .then().statusCode(400);
        as("admin1").queryParam("recordType", "safety-flag").queryParam("recordId", flagId)
                .get("/api/v1/audit-events").then().body("items.action", hasItem("safety.flag-acknowledged"));
        // Item 9 at 0 raises nothing, however severe the rest.
        as("therapist1").body(answers("phq-9", p1, List.of(3, 3, 3, 3, 3, 3, 3, 3, 0), "THERAPIST"))
                .post(path(coupleId)).then().statusCode(201).body("safetyFlags", hasSize(0));
        as("therapist1").get("/api/v1/couples/" + coupleId).then().body("openSafetyFlags", equalTo(0));
    }

    @Test
    void answersThatDoNotFitAreUnprocessableAndNothingIsWritten() {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        String coupleId = couple.path("id");
        String p1 = couple.path("partners[0].id");
        String stranger = Api.createCouple("therapist1", Api.coupleBody(unique())).path("partners[0].id");

        expect422(coupleId, answers("phq-10", p1, List.of(0, 0), "THERAPIST"), "instrument");
        expect422(coupleId, answers("phq-9", p1, List.of(0, 0, 0), "THERAPIST"), "answers");
        expect422(coupleId, answers("phq-9", p1, List.of(0, 0, 4, 0, 0, 0, 0, 0, 0), "THERAPIST"), "answers[2]");
        expect422(coupleId, answers("phq-9", p1, List.of(0, 0, 0, 0, 0, 0, 0, 0, -1), "THERAPIST"), "answers[8]");
        expect422(coupleId, answers("phq-9", stranger, Collections.nCopies(9, 0), "THERAPIST"), "partnerId");
        Map<String, Object> withScore = answers("phq-9", p1, Collections.nCopies(9, 3), "THERAPIST");
        withScore.put("score", 0);
        expect422(coupleId, withScore, "score");

        Map<String, Object> wrongType = answers("phq-9", p1, Collections.nCopies(9, 0), "THERAPIST");
        wrongType.put("answers", List.of("a", "b"));
        as("therapist1").body(wrongType).post(path(coupleId)).then().statusCode(400);
        wrongType.put("answers", "0,0,0");
        as("therapist1").body(wrongType).post(path(coupleId)).then().statusCode(400).body("field", equalTo("answers"));
        as("therapist1").body(answers("phq-9", p1, Collections.nCopies(100_000, 0), "THERAPIST"))
                .post(path(coupleId)).then().statusCode(400);
        Map<String, Object> future = answers("phq-9", p1, Collections.nCopies(9, 0), "THERAPIST");
        future.put("date", TODAY.plusDays(3).toString());
        as("therapist1").body(future).post(path(coupleId)).then().statusCode(400)
                .body("violations[0].field", equalTo("date"));
        as("therapist1").body("{\"instrument\": ").post(path(coupleId)).then().statusCode(400)
                .body("type", equalTo("/problems/malformed-json"));

        as("therapist1").get(path(coupleId)).then().statusCode(200).body("totalItems", equalTo(0));
        as("therapist1").get("/api/v1/couples/" + coupleId).then().body("openSafetyFlags", equalTo(0));
    }

    @Test
    void aPartnersAppNeverSeesTheOtherPartnersPrivateAnswers() {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        String coupleId = couple.path("id");
        String p1 = couple.path("partners[0].id");
        String p2 = couple.path("partners[1].id");
        String privateOne = asIntegration().body(answers("gad-7", p1, Collections.nCopies(7, 2), "SELF_REPORT"))
                .post(path(coupleId)).then().statusCode(201).extract().path("id");
        Map<String, Object> shared = answers("csi-16", p1, Collections.nCopies(16, 3), "SELF_REPORT");
        shared.put("private", false);
        String sharedOne = asIntegration().body(shared).post(path(coupleId)).then().statusCode(201).extract().path("id");

        Partners.as("therapist1", coupleId, p2).get("/api/v1/me/questionnaires").then().statusCode(200)
                .body("items.id", contains(sharedOne)).body("totalItems", equalTo(1))
                .body("items[0].answers", nullValue());
        Partners.as("therapist1", coupleId, p1).get("/api/v1/me/questionnaires").then().statusCode(200)
                .body("items.id", containsInAnyOrder(privateOne, sharedOne))
                .body("items.find { it.id == '" + privateOne + "' }.answers", hasSize(7));
        // The clinic-wide integration acts for neither partner: what is shared, without item answers.
        asIntegration().get(path(coupleId)).then().statusCode(200).body("items.id", contains(sharedOne))
                .body("items[0].answers", nullValue());
        asIntegration().get(path(coupleId) + "/" + privateOne).then().statusCode(404);
        asIntegration().queryParam("forPartner", p1).get(path(coupleId) + "/" + privateOne).then().statusCode(404);
        as("therapist1").get(path(coupleId) + "/" + privateOne).then().statusCode(200).body("answers", hasSize(7));
        asIntegration().body(answers("gad-7", p1, Collections.nCopies(7, 2), "THERAPIST")).post(path(coupleId))
                .then().statusCode(403);
    }

    @Test
    void instrumentsAreDescribed() {
        asIntegration().get("/api/v1/instruments").then().statusCode(200)
                .body("key", containsInAnyOrder("csi-16", "gad-7", "pcl-5", "phq-9"));
        as("therapist1").get("/api/v1/instruments/phq-9").then().statusCode(200).body("items", hasSize(9))
                .body("minScore", equalTo(0.0f)).body("maxScore", equalTo(27.0f)).body("cutoff", equalTo(10.0f))
                .body("reliableChange", equalTo(5.99f)).body("safety[0].item", equalTo(9))
                .body("bands.label", contains("minimal", "mild", "moderate", "moderately severe", "severe"));
        as("admin1").get("/api/v1/instruments/csi-16").then().statusCode(200).body("items[0].max", equalTo(6))
                .body("items[10].reversed", equalTo(true)).body("direction", equalTo("HIGHER_IS_BETTER"));
        as("admin1").get("/api/v1/instruments/nope").then().statusCode(404);
        anonymous().get("/api/v1/instruments").then().statusCode(401);
        anonymous().get("/api/v1/instruments/phq-9").then().statusCode(401);
    }

    @Test
    void questionnairesFollowTheRoleMatrix() {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        String coupleId = couple.path("id");
        String p1 = couple.path("partners[0].id");
        String id = as("therapist1").body(answers("gad-7", p1, Collections.nCopies(7, 0), "THERAPIST"))
                .post(path(coupleId)).then().statusCode(201).extract().path("id");
        String otherClinicCouple = Api.createCouple("therapist9", unique());
        Map<String, Object> body = answers("gad-7", p1, Collections.nCopies(7, 0), "THERAPIST");

        anonymous().body(body).post(path(coupleId)).then().statusCode(401);
        anonymous().get(path(coupleId)).then().statusCode(401);
        anonymous().get(path(coupleId) + "/" + id).then().statusCode(401);
        anonymous().get("/api/v1/safety-flags").then().statusCode(401);
        anonymous().get("/api/v1/couples/" + coupleId + "/safety-flags").then().statusCode(401);
        anonymous().post(flagPath(coupleId, id)).then().statusCode(401);

        as("admin1").body(body).post(path(coupleId)).then().statusCode(403);
        asIntegration().get("/api/v1/safety-flags").then().statusCode(403);
        asIntegration().get("/api/v1/couples/" + coupleId + "/safety-flags").then().statusCode(403);
        asIntegration().post(flagPath(coupleId, id)).then().statusCode(403);

        as("therapist2").body(body).post(path(coupleId)).then().statusCode(404);
        as("therapist2").get(path(coupleId)).then().statusCode(404);
        as("therapist2").get(path(coupleId) + "/" + id).then().statusCode(404);
        as("therapist2").get("/api/v1/couples/" + coupleId + "/safety-flags").then().statusCode(404);
        as("admin9").get(path(coupleId) + "/" + id).then().statusCode(404);
        as("therapist9").get(path(otherClinicCouple) + "/" + id).then().statusCode(404);
        as("therapist1").post(flagPath(coupleId, java.util.UUID.randomUUID().toString())).then().statusCode(404);
        asIntegration().get(path(otherClinicCouple)).then().statusCode(404);
        as("therapist1").get(path(coupleId)).then().body("totalItems", equalTo(1));
    }

    private static void expect422(String coupleId, Map<String, Object> body, String field) {
        as("therapist1").body(body).post(path(coupleId)).then().statusCode(422)
                .body("type", equalTo("/problems/unprocessable")).body("violations[0].field", equalTo(field));
    }

    public static String path(String coupleId) {
        return "/api/v1/couples/" + coupleId + "/questionnaires";
    }

    private static String flagPath(String coupleId, String flagId) {
        return "/api/v1/couples/" + coupleId + "/safety-flags/" + flagId + "/acknowledge";
    }

    public static Map<String, Object> answers(String instrument, String partnerId, List<Integer> answers, String source) {
        Map<String, Object> body = new HashMap<>();
        body.put("instrument", instrument);
        body.put("partnerId", partnerId);
        body.put("date", TODAY.toString());
        body.put("answers", answers);
        body.put("source", source);
        return body;
    }
}
