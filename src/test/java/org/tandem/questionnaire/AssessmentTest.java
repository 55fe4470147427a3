package org.tandem.questionnaire;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.tandem.testsupport.Api.as;
import static org.tandem.testsupport.Api.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tandem.testsupport.Api;
import org.tandem.testsupport.Partners;

/**
 * Private assessments, shared reports: the therapist asks both partners to fill in the CSI-16; each answers alone
 * and sees their own scores; the therapist compares them side by side, each against their own first score.
 */
@QuarkusTest
class AssessmentTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Berlin"));

    @Test
    void bothPartnersAnswerAloneAndTheTherapistComparesThem() {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        String coupleId = couple.path("id");
        String kit = couple.path("partners[0].id");
        String lee = couple.path("partners[1].id");
        String assignments = "/api/v1/couples/" + coupleId + "/questionnaire-assignments";
        // Kit's first CSI-16, months ago: the baseline the change is measured from.
        Map<String, Object> earlier = new HashMap<>(QuestionnaireResourceTest.answers("csi-16", kit,
                Collections.nCopies(16, 1), "THERAPIST"));
        earlier.put("date", TODAY.minusMonths(3).toString());
        // All ones: 12 items score 1, the 4 reversed ones 5 - 1 = 4 (answered as printed): 28, dissatisfied.
        as("therapist1").body(earlier).post(QuestionnaireResourceTest.path(coupleId)).then().statusCode(201)
                .body("score", equalTo(28.0f)).body("clinical", equalTo(true));

        String id = as("therapist1").body(Map.of("instrument", "csi-16", "dueOn", TODAY.plusDays(7).toString()))
                .post(assignments).then().statusCode(201).body("partnerId", nullValue()).body("answered", hasSize(0))
                .extract().path("id");
        Partners.as("therapist1", coupleId, kit).get("/api/v1/me/questionnaires/assigned").then().statusCode(200)
                .body("id", contains(id)).body("[0].myResponseId", nullValue()).body("[0].name", equalTo("Couples Satisfaction Index (16 items)"));

        String kits = Partners.as("therapist1", coupleId, kit).body(mine(id, 4)).post("/api/v1/me/questionnaires")
                .then().statusCode(201).body("score", equalTo(52.0f)).extract().path("id");
        // Once per partner; the other partner still answers alone.
        Partners.as("therapist1", coupleId, kit).body(mine(id, 4)).post("/api/v1/me/questionnaires").then()
                .statusCode(409).body("type", equalTo("/problems/assignment-answered"));
        Partners.as("therapist1", coupleId, lee).get("/api/v1/me/questionnaires").then().body("totalItems", equalTo(0));
        Partners.as("therapist1", coupleId, lee).get("/api/v1/me/questionnaires/assigned").then()
                .body("[0].myResponseId", nullValue());

        // Half answered: Kit's side is there, Lee's empty, no difference yet.
        as("therapist1").get(assignments + "/" + id + "/comparison").then().statusCode(200)
                .body("partners", hasSize(2)).body("partners[0].responseId", equalTo(kits))
                .body("partners[1].score", nullValue()).body("difference", nullValue());

        String lees = Partners.as("therapist1", coupleId, lee).body(mine(id, 2)).post("/api/v1/me/questionnaires")
                .then().statusCode(201).extract().path("id");
        as("therapist1").get(assignments).then().body("[0].answered.responseId", org.hamcrest.Matchers
                .containsInAnyOrder(kits, lees));
        as("therapist1").get(assignments + "/" + id + "/comparison").then().statusCode(200)
                .body("partners.seat", contains(1, 2))
                .body("partners[0].score", equalTo(52.0f)).body("partners[1].score", equalTo(36.0f))
                .body("difference", equalTo(16.0f)).body("reliableDifference", equalTo(6.66f))
                .body("differReliably", equalTo(true))
                // Kit moved from 28 to 52, across the cut-off of 51.5: a reliable, clinically significant change.
                .body("partners[0].baseline.score", equalTo(28.0f))
                .body("partners[0].change.reliable", equalTo(true))
                .body("partners[0].change.outcome", equalTo("RECOVERED"))
                // Lee's first CSI-16 is this one: no change to judge yet.
                .body("partners[1].change", nullValue());

        // Each partner's own report: their scores, never the other's.
        Partners.as("therapist1", coupleId, kit).queryParam("instrument", "csi-16")
                .get("/api/v1/me/questionnaires/report").then().statusCode(200)
                .body("scores.score", contains(28.0f, 52.0f)).body("change.reliable", equalTo(true));
        Partners.as("therapist1", coupleId, lee).queryParam("instrument", "csi-16")
                .get("/api/v1/me/questionnaires/report").then().statusCode(200)
                .body("scores.responseId", contains(lees)).body("change", nullValue());
    }

    @Test
    void badAssignmentsAndAnswersAreRefused() {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        String coupleId = couple.path("id");
        String kit = couple.path("partners[0].id");
        String lee = couple.path("partners[1].id");
        String assignments = "/api/v1/couples/" + coupleId + "/questionnaire-assignments";
        as("therapist1").body(Map.of("instrument", "no-such")).post(assignments).then().statusCode(422)
                .body("violations[0].field", equalTo("instrument"));
        as("therapist1").body(Map.of("instrument", "phq-9", "partnerId", java.util.UUID.randomUUID().toString()))
                .post(assignments).then().statusCode(422).body("violations[0].field", equalTo("partnerId"));
        as("therapist1").body(Map.of("instrument", "phq-9", "dueOn", TODAY.minusDays(1).toString()))
                .post(assignments).then().statusCode(400).body("violations[0].field", equalTo("dueOn"));
        as("therapist1").get(assignments).then().body("$", hasSize(0));

        // Asked of Kit only: Lee neither sees it nor answers it.
        String kitsOnly = as("therapist1").body(Map.of("instrument", "phq-9", "partnerId", kit)).post(assignments)
                .then().statusCode(201).extract().path("id");
        Partners.as("therapist1", coupleId, lee).get("/api/v1/me/questionnaires/assigned").then().body("$", hasSize(0));
        Map<String, Object> phq9 = new HashMap<>(Map.of("instrument", "phq-9", "date", TODAY.toString(),
                "answers", Collections.nCopies(9, 0), "assignmentId", kitsOnly));
        Partners.as("therapist1", coupleId, lee).body(phq9).post("/api/v1/me/questionnaires").then().statusCode(422)
                .body("violations[0].field", equalTo("assignmentId"));
        phq9.put("instrument", "gad-7");
        phq9.put("answers", Collections.nCopies(7, 0));
        Partners.as("therapist1", coupleId, kit).body(phq9).post("/api/v1/me/questionnaires").then().statusCode(422)
                .body("violations[0].field", equalTo("instrument"));
        Partners.as("therapist1", coupleId, kit).get("/api/v1/me/questionnaires/report").then().statusCode(400)
                .body("violations[0].field", equalTo("instrument"));
        Partners.as("therapist1", coupleId, kit).get("/api/v1/me/questionnaires").then().body("totalItems", equalTo(0));
        // Another clinic's therapist reaches neither the list nor the comparison.
        as("therapist9").get(assignments).then().statusCode(404);
        as("therapist9").get(assignments + "/" + kitsOnly + "/comparison").then().statusCode(404);
        as("therapist1").get(assignments + "/" + java.util.UUID.randomUUID() + "/comparison").then().statusCode(404);
    }

    private static Map<String, Object> mine(String assignmentId, int each) {
        return Map.of("instrument", "csi-16", "date", TODAY.toString(), "answers", List.copyOf(
                Collections.nCopies(16, each)), "assignmentId", assignmentId);
    }
}
