package org.tandem.sobriety;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tandem.testsupport.Api;

@QuarkusTest
public class SobrietyResourceTest {

    public static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Berlin"));

    @Test
    void streaksAreDerivedFromTheSobrietyDateAndTheResets() {
        Response couple = coupleSoberSince(TODAY.minusDays(100));
        String path = path(couple.path("id"), couple.path("partners[0].id"));
        as("therapist1").get(path).then().statusCode(200).body("sobrietyDate", equalTo(TODAY.minusDays(100).toString()))
                .body("currentStreakDays", equalTo(100)).body("longestStreakDays", equalTo(100))
                .body("resets", hasSize(0));

        as("therapist1").body(reset(TODAY.minusDays(40), "SLIP", "Saw the old app again after a fight"))
                .post(path + "/resets").then().statusCode(201)
                .body("currentStreakStart", equalTo(TODAY.minusDays(39).toString()))
                .body("currentStreakDays", equalTo(39)).body("longestStreakDays", equalTo(60))
                .body("resets[0].kind", equalTo("SLIP"))
                .body("resets[0].note", equalTo("Saw the old app again after a fight"));
        as("therapist1").body(reset(TODAY.minusDays(10), "RELAPSE", null)).post(path + "/resets").then()
                .statusCode(201).body("currentStreakDays", equalTo(9)).body("longestStreakDays", equalTo(60))
                .body("resets", hasSize(2)).body("resets[1].note", nullValue());

        // Admins see the streaks and the dates, never the clinical note.
        as("admin1").get(path).then().statusCode(200).body("currentStreakDays", equalTo(9))
                .body("resets[0].kind", equalTo("SLIP")).body("resets[0].note", nullValue());
        as("admin1").queryParam("recordType", "sobriety").queryParam("recordId", (String) couple.path("partners[0].id"))
                .get("/api/v1/audit-events").then().statusCode(200)
                .body("items.action", org.hamcrest.Matchers.hasItems("sobriety.read", "sobriety.reset-logged"));
    }

    @Test
    void badResetsAreRejected() {
        Response couple = coupleSoberSince(TODAY.minusDays(30));
        String coupleId = couple.path("id");
        String path = path(coupleId, couple.path("partners[0].id"));
        as("therapist1").body(reset(TODAY.plusDays(1), "SLIP", null)).post(path + "/resets").then().statusCode(400)
                .body("violations[0].field", equalTo("date"));
        as("therapist1").body(reset(TODAY.minusDays(31), "SLIP", null)).post(path + "/resets").then().statusCode(400)
                .body("violations[0].field", equalTo("date"));
        as("therapist1").body(reset(TODAY, "LAPSE", null)).post(path + "/resets").then().statusCode(400)
                .body("field", equalTo("kind"));
        as("therapist1").body(reset(TODAY, "SLIP", "x".repeat(4001))).post(path + "/resets").then().statusCode(400);
        as("therapist1").body(Map.of("kind", "SLIP")).post(path + "/resets").then().statusCode(400)
                .body("violations[0].field", equalTo("date"));
        as("therapist1").body("{\"date\": ").post(path + "/resets").then().statusCode(400);
        // The partner not in recovery has no sobriety to track.
        String affected = path(coupleId, couple.path("partners[1].id"));
        as("therapist1").get(affected).then().statusCode(409).body("type", equalTo("/problems/not-in-recovery"));
        as("therapist1").body(reset(TODAY, "SLIP", null)).post(affected + "/resets").then().statusCode(409);
        as("therapist1").get(path).then().body("resets", hasSize(0)).body("currentStreakDays", equalTo(30));

        Response noDate = coupleSoberSince(null);
        String noDatePath = path(noDate.path("id"), noDate.path("partners[0].id"));
        as("therapist1").get(noDatePath).then().statusCode(200).body("currentStreakDays", nullValue());
        as("therapist1").body(reset(TODAY, "SLIP", null)).post(noDatePath + "/resets").then().statusCode(409)
                .body("type", equalTo("/problems/no-sobriety-date"));
    }

    @Test
    void sobrietyFollowsTheRoleMatrix() {
        Response couple = coupleSoberSince(TODAY.minusDays(30));
        String coupleId = couple.path("id");
        String path = path(coupleId, couple.path("partners[0].id"));
        Map<String, Object> body = reset(TODAY, "SLIP", null);
        anonymous().get(path).then().statusCode(401);
        anonymous().body(body).post(path + "/resets").then().statusCode(401);
        as("admin1").body(body).post(path + "/resets").then().statusCode(403);
        asIntegration().get(path).then().statusCode(403);
        asIntegration().body(body).post(path + "/resets").then().statusCode(403);
        as("therapist2").get(path).then().statusCode(404);
        as("therapist2").body(body).post(path + "/resets").then().statusCode(404);
        as("admin9").get(path).then().statusCode(404);
        as("therapist9").body(body).post(path + "/resets").then().statusCode(404);
        as("therapist1").get(path(coupleId, java.util.UUID.randomUUID().toString())).then().statusCode(404);
        as("therapist1").get(path).then().body("resets", hasSize(0));
    }

    @Test
    void aResetLoggedByMistakeIsMarkedAndBreaksNoStreak() {
        Response couple = coupleSoberSince(TODAY.minusDays(100));
        String coupleId = couple.path("id");
        String partnerId = couple.path("partners[0].id");
        String path = path(coupleId, partnerId);
        as("therapist1").body(reset(TODAY.minusDays(40), "SLIP", null)).post(path + "/resets").then().statusCode(201);
        String wrong = as("therapist1").body(reset(TODAY.minusDays(10), "RELAPSE", "Logged for the wrong client"))
                .post(path + "/resets").then().statusCode(201).body("currentStreakDays", equalTo(9)).extract()
                .path("resets[1].id");
        Map<String, Object> reason = Map.of("reason", "The relapse was another client's");

        as("therapist1").body(reason).post(mark(path, wrong)).then().statusCode(200)
                .body("currentStreakDays", equalTo(39)).body("longestStreakDays", equalTo(60))
                .body("resets", hasSize(2)).body("resets[0].enteredInError", nullValue())
                .body("resets[1].id", equalTo(wrong)).body("resets[1].kind", equalTo("RELAPSE"))
                .body("resets[1].note", equalTo("Logged for the wrong client"))
                .body("resets[1].enteredInError.reason", equalTo("The relapse was another client's"));
        // The progress summary's streaks follow.
        as("therapist1").get("/api/v1/couples/" + coupleId + "/progress").then().statusCode(200)
                .body("partners.find { it.partnerId == '" + partnerId + "' }.sobriety.currentStreakDays",
                        equalTo(39));
        // Admins see that it was marked, not why.
        as("admin1").get(path).then().statusCode(200).body("resets[1].enteredInError.at", notNullValue())
                .body("resets[1].enteredInError.reason", nullValue());
        // Once only.
        as("therapist1").body(reason).post(mark(path, wrong)).then().statusCode(409)
                .body("type", equalTo("/problems/entered-in-error"));
        as("admin1").queryParam("recordType", "sobriety").queryParam("recordId", partnerId)
                .get("/api/v1/audit-events").then().statusCode(200)
                .body("items.action", hasItem("sobriety.reset-entered-in-error"));
    }

    @Test
    void markingAResetFollowsTheRoleMatrixAndNeedsAReason() {
        Response couple = coupleSoberSince(TODAY.minusDays(30));
        String coupleId = couple.path("id");
        String path = path(coupleId, couple.path("partners[0].id"));
        String resetId = as("therapist1").body(reset(TODAY.minusDays(5), "SLIP", null)).post(path + "/resets")
                .then().statusCode(201).extract().path("resets[0].id");
        Map<String, Object> reason = Map.of("reason", "Wrong day");

        anonymous().body(reason).post(mark(path, resetId)).then().statusCode(401);
        as("admin1").body(reason).post(mark(path, resetId)).then().statusCode(403);
        asIntegration().body(reason).post(mark(path, resetId)).then().statusCode(403);
        as("therapist2").body(reason).post(mark(path, resetId)).then().statusCode(404);
        as("therapist9").body(reason).post(mark(path, resetId)).then().statusCode(404);
        // A reset of another partner in recovery, under this partner's path; one that does not exist.
        Response other = coupleSoberSince(TODAY.minusDays(30));
        String otherPath = path(other.path("id"), other.path("partners[0].id"));
        String othersReset = as("therapist1").body(reset(TODAY.minusDays(3), "SLIP", null))
                .post(otherPath + "/resets").then().statusCode(201).extract().path("resets[0].id");
        as("therapist1").body(reason).post(mark(path, othersReset)).then().statusCode(404);
        as("therapist1").body(reason).post(mark(path, java.util.UUID.randomUUID().toString())).then()
                .statusCode(404);
        as("therapist1").body(Map.of()).post(mark(path, resetId)).then().statusCode(400)
                .body("violations[0].field", equalTo("reason"));
        as("therapist1").body(Map.of("reason", "x".repeat(501))).post(mark(path, resetId)).then().statusCode(400);
        as("therapist1").body(Map.of("reason", "ok", "date", TODAY.toString())).post(mark(path, resetId)).then()
                .statusCode(400);

        // None of these marked anything.
        as("therapist1").get(path).then().body("resets[0].enteredInError", nullValue())
                .body("currentStreakDays", equalTo(4));
        as("therapist1").get(otherPath).then().body("resets[0].enteredInError", nullValue());
    }

    private static String mark(String sobrietyPath, String resetId) {
        return sobrietyPath + "/resets/" + resetId + "/entered-in-error";
    }

    public static Response coupleSoberSince(LocalDate sobrietyDate) {
        Map<String, Object> body = new HashMap<>(Api.coupleBody(unique()));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> partners = new ArrayList<>((List<Map<String, Object>>) body.get("partners"));
        Map<String, Object> inRecovery = new HashMap<>(partners.get(0));
        if (sobrietyDate == null) {
            inRecovery.remove("sobrietyDate");
        } else {
            inRecovery.put("sobrietyDate", sobrietyDate.toString());
        }
        partners.set(0, inRecovery);
        body.put("partners", partners);
        return Api.createCouple("therapist1", body);
    }

    public static String path(String coupleId, String partnerId) {
        return "/api/v1/couples/" + coupleId + "/partners/" + partnerId + "/sobriety";
    }

    public static Map<String, Object> reset(LocalDate date, String kind, String note) {
        Map<String, Object> body = new HashMap<>();
        body.put("date", date.toString());
        body.put("kind", kind);
        if (note != null) {
            body.put("note", note);
        }
        return body;
    }
}
