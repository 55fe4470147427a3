package org.tandem.checkin;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.tandem.testsupport.Api.anonymous;
import static org.tandem.testsupport.Api.as;
import static org.tandem.testsupport.Api.asIntegration;
import static org.tandem.testsupport.Api.unique;

import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tandem.testsupport.Api;
import org.tandem.testsupport.Partners;

/** Daily FANOS check-ins: written by each partner, shared by choice, read by the therapists with adherence. */
@QuarkusTest
class CheckInTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Berlin"));
    private static final String MINE = "/api/v1/me/check-ins";

    static Map<String, Object> fanos(String feelings, boolean shared) {
        Map<String, Object> body = new HashMap<>();
        body.put("feelings", feelings);
        body.put("affirmation", "You listened last night");
        body.put("needs", "A walk together");
        body.put("ownership", "I was short with you");
        body.put("sobriety", "Sober, day 40");
        body.put("shared", shared);
        return body;
    }

    @Test
    void eachPartnerWritesTheirOwnAndChoosesWhatTheOtherReads() {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        String coupleId = couple.path("id");
        String kit = couple.path("partners[0].id");
        String lee = couple.path("partners[1].id");

        String etag = Partners.as("therapist1", coupleId, kit).header("If-Match", "\"0\"")
                .body(fanos("Hopeful", true)).put(MINE + "/" + TODAY).then().statusCode(200)
                .body("feelings", equalTo("Hopeful")).body("shared", equalTo(true)).body("partnerId", equalTo(kit))
                .extract().header("ETag");
        Partners.as("therapist1", coupleId, kit).header("If-Match", etag).body(fanos("Hopeful, tired", true))
                .put(MINE + "/" + TODAY).then().statusCode(200).body("feelings", equalTo("Hopeful, tired"));
        Partners.as("therapist1", coupleId, kit).header("If-Match", etag).body(fanos("Stale", true))
                .put(MINE + "/" + TODAY).then().statusCode(412);
        Partners.as("therapist1", coupleId, kit).header("If-Match", "\"0\"").body(fanos("Private", false))
                .put(MINE + "/" + TODAY.minusDays(1)).then().statusCode(200);
        Partners.as("therapist1", coupleId, lee).header("If-Match", "\"0\"").body(fanos("Guarded", false))
                .put(MINE + "/" + TODAY).then().statusCode(200);

        // Lee reads their own and what Kit shared, not Kit's private one; Kit reads their own two only.
        Partners.as("therapist1", coupleId, lee).get(MINE).then().statusCode(200).body("$", hasSize(2))
                .body("feelings", org.hamcrest.Matchers.containsInAnyOrder("Guarded", "Hopeful, tired"));
        Partners.as("therapist1", coupleId, kit).get(MINE).then().statusCode(200).body("$", hasSize(2))
                .body("partnerId", equalTo(List.of(kit, kit)));

        // The therapists read all three, with each partner's adherence over the period.
        String url = "/api/v1/couples/" + coupleId + "/check-ins";
        as("therapist1").queryParam("from", TODAY.minusDays(1).toString()).get(url).then().statusCode(200)
                .body("checkIns", hasSize(3))
                .body("checkIns.find { it.feelings == 'Private' }.partnerId", equalTo(kit))
                .body("adherence.find { it.partnerId == '" + kit + "' }.checkedIn", equalTo(2))
                .body("adherence.find { it.partnerId == '" + kit + "' }.days", equalTo(2))
                .body("adherence.find { it.partnerId == '" + lee + "' }.rate", equalTo(0.5f));
        // An admin sees that they exist, never a word.
        String admin = as("admin1").queryParam("from", TODAY.minusDays(1).toString()).get(url).then()
                .statusCode(200).body("checkIns", hasSize(3)).body("checkIns[0].feelings", nullValue())
                .body("checkIns[0].sobriety", nullValue()).extract().asString();
        assertFalse(admin.contains("Hopeful") || admin.contains("Private") || admin.contains("Sober"), admin);
    }

    @Test
    void aDayOutOfReachOrAnEmptyCheckInIsRefusedAndNothingIsWritten() {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        String coupleId = couple.path("id");
        String kit = couple.path("partners[0].id");
        var partner = Partners.as("therapist1", coupleId, kit);
        Partners.as("therapist1", coupleId, kit).header("If-Match", "\"0\"").body(fanos("x", true))
                .put(MINE + "/" + TODAY.plusDays(1)).then().statusCode(400).body("violations[0].field",
                        equalTo("day"));
        Partners.as("therapist1", coupleId, kit).header("If-Match", "\"0\"").body(fanos("x", true))
                .put(MINE + "/" + TODAY.minusDays(8)).then().statusCode(400).body("violations[0].field",
                        equalTo("day"));
        Partners.as("therapist1", coupleId, kit).header("If-Match", "\"0\"").body(fanos("x", true))
                .put(MINE + "/yesterday").then().statusCode(400);
        Partners.as("therapist1", coupleId, kit).header("If-Match", "\"0\"").body(fanos(" ", true))
                .put(MINE + "/" + TODAY).then().statusCode(400).body("violations[0].field", equalTo("feelings"));
        Partners.as("therapist1", coupleId, kit).header("If-Match", "\"0\"").body(fanos("x".repeat(2001), true))
                .put(MINE + "/" + TODAY).then().statusCode(400);
        Partners.as("therapist1", coupleId, kit).body(fanos("No If-Match", true)).put(MINE + "/" + TODAY).then()
                .statusCode(428);
        partner.queryParam("from", TODAY.minusDays(200).toString()).get(MINE).then().statusCode(400)
                .body("violations[0].field", equalTo("to"));
        Partners.as("therapist1", coupleId, kit).get(MINE).then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void checkInsFollowTheRoleMatrix() {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        String coupleId = couple.path("id");
        String kit = couple.path("partners[0].id");
        String url = "/api/v1/couples/" + coupleId + "/check-ins";
        Partners.as("therapist1", coupleId, kit).header("If-Match", "\"0\"").body(fanos("Calm", true))
                .put(MINE + "/" + TODAY).then().statusCode(200);

        anonymous().get(url).then().statusCode(401);
        anonymous().get(MINE).then().statusCode(401);
        anonymous().header("If-Match", "\"0\"").body(fanos("x", true)).put(MINE + "/" + TODAY).then()
                .statusCode(401);
        // Staff and integrations have no check-ins of their own; partners do not use the staff view.
        as("therapist1").header("If-Match", "\"0\"").body(fanos("x", true)).put(MINE + "/" + TODAY).then()
                .statusCode(403);
        as("therapist1").get(MINE).then().statusCode(403);
        asIntegration().get(url).then().statusCode(403);
        Partners.as("therapist1", coupleId, kit).get(url).then().statusCode(403);
        // Another therapist's couple, another clinic: not found.
        as("therapist2").get(url).then().statusCode(404);
        as("admin9").get(url).then().statusCode(404);
        as("therapist9").get(url).then().statusCode(404);
        // Another couple's partner never sees them.
        Response other = Api.createCouple("therapist1", Api.coupleBody(unique()));
        Partners.as("therapist1", other.path("id"), other.path("partners[1].id")).get(MINE).then()
                .statusCode(200).body("$", hasSize(0));
        assertEquals(1, as("therapist1").get(url).then().statusCode(200).extract().jsonPath()
                .getList("checkIns").size());
    }
}
