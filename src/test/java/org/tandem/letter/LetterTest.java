package org.tandem.letter;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.tandem.testsupport.Api.anonymous;
import static org.tandem.testsupport.Api.as;
import static org.tandem.testsupport.Api.asIntegration;
import static org.tandem.testsupport.Api.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tandem.testsupport.Api;
import org.tandem.testsupport.ClinicDays;
import org.tandem.testsupport.Partners;

/**
 * The impact letter and the emotional restitution letter: each partner writes their own; the other partner reads it
 * only once it was shared or read aloud in session, and from then on it no longer changes.
 */
@QuarkusTest
class LetterTest {

    private static final String MINE = "/api/v1/me/letters";

    private static RequestSpecification partner(Response couple, int seat) {
        return Partners.as("therapist1", couple.path("id"), couple.path("partners[" + seat + "].id"));
    }

    @Test
    void eachLetterReachesTheOtherPartnerOnlyWhenSharedOrReadInSession() {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        String letters = "/api/v1/couples/" + couple.path("id") + "/letters";
        String lee = couple.path("partners[1].id");

        // Lee (the betrayed partner) writes the impact letter; Kit does not see that it exists.
        String impactText = "When I found the messages " + unique();
        Response impact = partner(couple, 1).body(Map.of("kind", "IMPACT", "text", impactText)).post(MINE).then()
                .statusCode(201).body("authorPartnerId", equalTo(lee)).body("delivered", equalTo(false))
                .extract().response();
        String impactId = impact.path("id");
        partner(couple, 0).get(MINE).then().statusCode(200).body("$", hasSize(0));
        partner(couple, 0).get(MINE + "/" + impactId).then().statusCode(404);
        partner(couple, 0).post(MINE + "/" + impactId + "/sharing").then().statusCode(404);
        String rewritten = impactText + " I stopped sleeping.";
        partner(couple, 1).header("If-Match", impact.header("ETag")).body(Map.of("text", rewritten))
                .put(MINE + "/" + impactId).then().statusCode(200).body("text", equalTo(rewritten));

        // The therapists read drafts; an admin sees that it exists.
        as("therapist1").get(letters).then().statusCode(200).body("[0].text", equalTo(rewritten));
        String admin = as("admin1").get(letters + "/" + impactId).then().statusCode(200)
                .body("text", nullValue()).extract().asString();
        assertFalse(admin.contains("messages"), admin);

        // Read aloud in session: Kit may read it now, and it stays as it was.
        as("therapist1").body(Map.of()).post(letters + "/" + impactId + "/reading").then().statusCode(200)
                .body("readInSessionOn", equalTo(ClinicDays.demoToday().toString())).body("delivered", equalTo(true));
        partner(couple, 0).get(MINE + "/" + impactId).then().statusCode(200).body("text", equalTo(rewritten));
        String now = partner(couple, 1).get(MINE + "/" + impactId).then().extract().header("ETag");
        partner(couple, 1).header("If-Match", now).body(Map.of("text", "changed")).put(MINE + "/" + impactId)
                .then().statusCode(409).body("type", equalTo("/problems/letter-delivered"));
        partner(couple, 0).post(MINE + "/" + impactId + "/sharing").then().statusCode(403);

        // Kit answers with the restitution letter and shares it; Lee reads both.
        String restitution = partner(couple, 0).body(Map.of("kind", "RESTITUTION", "text", "You were alone with"
                + " it " + unique())).post(MINE).then().statusCode(201).extract().path("id");
        partner(couple, 1).get(MINE).then().statusCode(200).body("$", hasSize(1));
        partner(couple, 0).post(MINE + "/" + restitution + "/sharing").then().statusCode(200)
                .body("delivered", equalTo(true));
        partner(couple, 1).get(MINE).then().statusCode(200).body("$", hasSize(2))
                .body("kind", equalTo(List.of("RESTITUTION", "IMPACT")));
    }

    @Test
    void aLetterOfTheOtherRoleOrWithoutWordsIsRefused() {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        partner(couple, 0).body(Map.of("kind", "IMPACT", "text", "not mine to write")).post(MINE).then()
                .statusCode(400).body("violations[0].field", equalTo("kind"));
        partner(couple, 1).body(Map.of("kind", "RESTITUTION", "text", "not mine either")).post(MINE).then()
                .statusCode(400).body("violations[0].field", equalTo("kind"));
        partner(couple, 1).body(Map.of("kind", "IMPACT", "text", "")).post(MINE).then().statusCode(400);
        partner(couple, 1).body(Map.of("kind", "APOLOGY", "text", "x")).post(MINE).then().statusCode(400);
        as("therapist1").get("/api/v1/couples/" + couple.path("id") + "/letters").then().statusCode(200)
                .body("$", hasSize(0));
    }

    @Test
    void lettersFollowTheRoleMatrix() {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        String id = partner(couple, 1).body(Map.of("kind", "IMPACT", "text", "Letter " + unique())).post(MINE)
                .then().statusCode(201).extract().path("id");
        String letters = "/api/v1/couples/" + couple.path("id") + "/letters";
        anonymous().get(letters).then().statusCode(401);
        anonymous().get(MINE).then().statusCode(401);
        asIntegration().get(letters).then().statusCode(403);
        as("therapist1").get(MINE).then().statusCode(403);
        partner(couple, 1).get(letters).then().statusCode(403);
        as("admin1").body(Map.of()).post(letters + "/" + id + "/reading").then().statusCode(403);
        as("therapist2").get(letters + "/" + id).then().statusCode(404);
        as("admin9").get(letters).then().statusCode(404);
        Response other = Api.createCouple("therapist1", Api.coupleBody(unique()));
        partner(other, 0).get(MINE + "/" + id).then().statusCode(404);
        as("therapist1").get("/api/v1/couples/" + other.path("id") + "/letters/" + id).then().statusCode(404);
    }
}
