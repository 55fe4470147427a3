package org.tandem.recovery;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
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
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tandem.testsupport.Api;
import org.tandem.testsupport.Partners;

/** Each partner's recovery stage over time, recorded by the couple's therapist and shown in the progress summary. */
@QuarkusTest
class RecoveryStageTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Berlin"));

    static String path(String coupleId, String partnerId) {
        return "/api/v1/couples/" + coupleId + "/partners/" + partnerId + "/recovery-stages";
    }

    @Test
    void eachPartnerMovesThroughTheStagesOfTheirOwnTrack() {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        String coupleId = couple.path("id");
        // Api.coupleBody: the first partner is in recovery, the second the betrayed partner.
        String inRecovery = couple.path("partners[0].id");
        String betrayed = couple.path("partners[1].id");

        as("therapist1").get("/api/v1/couples/" + coupleId + "/progress").then().statusCode(200)
                .body("partners[0].recoveryStage", nullValue());
        Response first = as("therapist1").body(Map.of("stage", "CRISIS_AND_DECISION", "since",
                TODAY.minusDays(60).toString())).post(path(coupleId, inRecovery)).then().statusCode(201)
                .body("stage", equalTo("CRISIS_AND_DECISION")).body("current", equalTo(true))
                .body("since", equalTo(TODAY.minusDays(60).toString())).extract().response();
        assertTrue(first.header("Location").endsWith(path(coupleId, inRecovery) + "/" + first.path("id")));
        as("therapist1").body(Map.of("stage", "SHOCK")).post(path(coupleId, inRecovery)).then().statusCode(201)
                .body("since", equalTo(TODAY.toString())).body("current", equalTo(true));
        // A stage dated before the current one is history, not the current stage.
        as("therapist1").body(Map.of("stage", "DEVELOPING", "since", TODAY.minusDays(200).toString()))
                .post(path(coupleId, inRecovery)).then().statusCode(201).body("current", equalTo(false));
        as("therapist1").body(Map.of("stage", "SAFETY_AND_STABILISATION", "since", TODAY.minusDays(30).toString()))
                .post(path(coupleId, betrayed)).then().statusCode(201);

        as("therapist1").get(path(coupleId, inRecovery)).then().statusCode(200).body("$", hasSize(3))
                .body("stage", equalTo(java.util.List.of("SHOCK", "CRISIS_AND_DECISION", "DEVELOPING")))
                .body("current", equalTo(java.util.List.of(true, false, false)));
        as("admin1").get(path(coupleId, betrayed)).then().statusCode(200).body("$", hasSize(1));
        as("therapist1").get("/api/v1/couples/" + coupleId + "/progress").then().statusCode(200)
                .body("partners.find { it.partnerId == '" + inRecovery + "' }.recoveryStage.stage", equalTo("SHOCK"))
                .body("partners.find { it.partnerId == '" + betrayed + "' }.recoveryStage.stage",
                        equalTo("SAFETY_AND_STABILISATION"))
                .body("partners.find { it.partnerId == '" + betrayed + "' }.recoveryStage.since",
                        equalTo(TODAY.minusDays(30).toString()));
    }

    @Test
    void aStageOfTheOtherTrackOrFromTheFutureIsRefusedAndNothingIsRecorded() {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        String coupleId = couple.path("id");
        String inRecovery = couple.path("partners[0].id");
        String betrayed = couple.path("partners[1].id");
        as("therapist1").body(Map.of("stage", "RECONNECTION")).post(path(coupleId, inRecovery)).then()
                .statusCode(400).body("type", equalTo("/problems/validation"))
                .body("violations[0].field", equalTo("stage"));
        as("therapist1").body(Map.of("stage", "REPAIR")).post(path(coupleId, betrayed)).then().statusCode(400)
                .body("violations[0].field", equalTo("stage"));
        as("therapist1").body(Map.of("stage", "GRIEF", "since", TODAY.plusDays(1).toString()))
                .post(path(coupleId, inRecovery)).then().statusCode(400).body("violations[0].field", equalTo("since"));
        as("therapist1").body(Map.of("stage", "HEALED")).post(path(coupleId, inRecovery)).then().statusCode(400)
                .body("status", equalTo(400));
        as("therapist1").body(Map.of("since", TODAY.toString())).post(path(coupleId, inRecovery)).then()
                .statusCode(400);
        as("therapist1").body(Map.of("stage", "GRIEF", "since", "yesterday")).post(path(coupleId, inRecovery)).then()
                .statusCode(400);
        as("therapist1").get(path(coupleId, inRecovery)).then().statusCode(200).body("$", hasSize(0));
        as("therapist1").get(path(coupleId, betrayed)).then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void recoveryStagesFollowTheRoleMatrix() {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        String coupleId = couple.path("id");
        String partnerId = couple.path("partners[0].id");
        String url = path(coupleId, partnerId);
        Map<String, Object> body = Map.of("stage", "REPAIR");

        anonymous().get(url).then().statusCode(401);
        anonymous().body(body).post(url).then().statusCode(401);
        // Admins read, never record; integrations and partners neither.
        as("admin1").body(body).post(url).then().statusCode(403);
        asIntegration().get(url).then().statusCode(403);
        asIntegration().body(body).post(url).then().statusCode(403);
        Partners.as("therapist1", coupleId, partnerId).get(url).then().statusCode(403);
        Partners.as("therapist1", coupleId, partnerId).body(body).post(url).then().statusCode(403);

        // Another therapist's couple, another clinic, a partner of no such couple: not found, nothing recorded.
        as("therapist2").get(url).then().statusCode(404);
        as("therapist2").body(body).post(url).then().statusCode(404);
        as("admin9").get(url).then().statusCode(404);
        as("therapist9").body(body).post(url).then().statusCode(404);
        as("therapist1").get(path(coupleId, UUID.randomUUID().toString())).then().statusCode(404);
        as("therapist1").get(url).then().statusCode(200).body("$", hasSize(0));
    }
}
