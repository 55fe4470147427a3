package org.tandem.partner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tandem.testsupport.Api.as;
import static org.tandem.testsupport.Api.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tandem.testsupport.Api;
import org.tandem.testsupport.KeycloakAdmin;
import org.tandem.testsupport.Partners;
import org.tandem.testsupport.Tokens;

/**
 * A partner's sign-in from invitation to revocation, against the real Keycloak: the account Tandem creates there,
 * the one-time code, what revoking and discharging do to the next request.
 */
@QuarkusTest
class PartnerAccountTest {

    private static final String ACTIVATE = "/api/v1/partner-activation";

    @Test
    void aTherapistInvitesAPartnerWhoActivatesOnceAndSignsIn() {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        String coupleId = couple.path("id");
        String partnerId = couple.path("partners[0].id");
        String email = "kit-" + unique() + "@example.invalid";

        JsonPath invited = as("therapist1").body(Map.of("email", email))
                .post(Partners.accountPath(coupleId, partnerId)).then().statusCode(200)
                .body("account.status", equalTo("INVITED")).body("account.partnerId", equalTo(partnerId))
                .body("account.activationExpiresAt", notNullValue())
                .body("activationCode", matchesPattern("[A-Za-z0-9_-]{22}")).extract().jsonPath();
        String code = invited.getString("activationCode");
        String accountId = invited.getString("account.accountId");

        // Keycloak holds the account: role partner, bound to this account, a password still to choose.
        String subject = KeycloakAdmin.realm().queryParam("email", email).queryParam("exact", true).get("/users")
                .then().statusCode(200).extract().path("[0].id");
        JsonPath user = KeycloakAdmin.user(subject);
        assertEquals(accountId, user.getString("attributes.partner_account[0]"));
        assertEquals("demo-clinic", user.getString("attributes.clinic[0]"));
        assertEquals(List.of("UPDATE_PASSWORD"), user.getList("requiredActions"));
        assertTrue(KeycloakAdmin.realmRoles(subject).contains("partner"));
        // The code is kept only as a hash: the account's answer never shows it again.
        as("therapist1").get(Partners.accountPath(coupleId, partnerId)).then().statusCode(200)
                .body("status", equalTo("INVITED")).body("activationCode", nullValue());

        given().contentType(ContentType.JSON).body(Map.of("code", code, "password", Partners.PASSWORD))
                .post(ACTIVATE).then().statusCode(200).body("username", equalTo(email));
        // Once only.
        given().contentType(ContentType.JSON).body(Map.of("code", code, "password", Partners.PASSWORD))
                .post(ACTIVATE).then().statusCode(422).body("violations[0].field", equalTo("code"));
        as("therapist1").get(Partners.accountPath(coupleId, partnerId)).then()
                .body("status", equalTo("ACTIVE")).body("activatedAt", notNullValue());

        String token = Tokens.of(email, Partners.PASSWORD);
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200)
                .body("partnerId", equalTo(partnerId)).body("coupleId", equalTo(coupleId)).body("seat", equalTo(1))
                .body("name", equalTo("Kit"));
        // An active account is not invited again.
        as("therapist1").body(Map.of()).post(Partners.accountPath(coupleId, partnerId)).then().statusCode(409);
        as("admin1").queryParam("recordType", "partner-account").queryParam("recordId", accountId)
                .get("/api/v1/audit-events").then().statusCode(200)
                .body("items.action", hasItem("partner.invite")).body("items.action", hasItem("partner.activate"));
    }

    @Test
    void revokingRefusesTheNextRequestAndAReinvitationStartsAgain() {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        String coupleId = couple.path("id");
        String partnerId = couple.path("partners[1].id");
        Partners.as("therapist1", coupleId, partnerId).get("/api/v1/me").then().statusCode(200);
        String oldToken = Partners.token("therapist1", coupleId, partnerId);

        as("admin1").delete(Partners.accountPath(coupleId, partnerId)).then().statusCode(200)
                .body("status", equalTo("REVOKED")).body("revokedAt", notNullValue());
        // The token is still unexpired; the request is refused all the same.
        Partners.as("therapist1", coupleId, partnerId).get("/api/v1/me").then().statusCode(401)
                .body("type", equalTo("/problems/account-revoked"));
        String subject = KeycloakAdmin.realm().queryParam("q", "partner_account:"
                + as("therapist1").get(Partners.accountPath(coupleId, partnerId)).then().extract().path("accountId"))
                .get("/users").then().statusCode(200).extract().path("[0].id");
        assertFalse(KeycloakAdmin.user(subject).getBoolean("enabled"));
        // Revoking again changes nothing.
        as("therapist1").delete(Partners.accountPath(coupleId, partnerId)).then().statusCode(200)
                .body("status", equalTo("REVOKED"));

        // Invited again: a new code for the same Keycloak account, which stays disabled until the code is used.
        String code = as("therapist1").body(Map.of()).post(Partners.accountPath(coupleId, partnerId)).then()
                .statusCode(200).body("account.status", equalTo("INVITED")).extract().path("activationCode");
        assertFalse(KeycloakAdmin.user(subject).getBoolean("enabled"));
        // Token times are whole seconds: a person revoked, invited again and activated takes longer than one;
        // this test does not, so it lets the clock move past the old token's second first.
        long oldIssuedAt = issuedAt(oldToken);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(3))
                .until(() -> java.time.Instant.now().getEpochSecond() > oldIssuedAt);
        String username = Partners.activate(code);
        assertTrue(KeycloakAdmin.user(subject).getBoolean("enabled"));
        given().auth().oauth2(Tokens.fresh(username, Partners.PASSWORD)).get("/api/v1/me")
                .then().statusCode(200).body("partnerId", equalTo(partnerId));
        // A token issued before the revocation stays refused, though the account is active again.
        given().auth().oauth2(oldToken).get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void dischargingTheCoupleRevokesBothAccounts() {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        String coupleId = couple.path("id");
        String p1 = couple.path("partners[0].id");
        Partners.as("therapist1", coupleId, p1).get("/api/v1/me").then().statusCode(200);
        as("therapist1").body(Map.of("status", "DISCHARGED")).header("If-Match", couple.header("ETag"))
                .post("/api/v1/couples/" + coupleId + "/status").then().statusCode(200);

        Partners.as("therapist1", coupleId, p1).get("/api/v1/me").then().statusCode(401);
        String accountId = as("therapist1").get(Partners.accountPath(coupleId, p1)).then()
                .body("status", equalTo("REVOKED")).extract().path("accountId");
        String subject = KeycloakAdmin.realm().queryParam("q", "partner_account:" + accountId).get("/users").then()
                .statusCode(200).extract().path("[0].id");
        assertFalse(KeycloakAdmin.user(subject).getBoolean("enabled"), "the Keycloak user is disabled");
        as("therapist1").body(Map.of()).post(Partners.accountPath(coupleId, p1)).then().statusCode(409)
                .body("type", equalTo("/problems/couple-discharged"));
    }

    @Test
    void badInvitationsAndActivationsAreRefusedClearly() {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        String coupleId = couple.path("id");
        String lee = couple.path("partners[1].id"); // no e-mail address on the record
        as("therapist1").body(Map.of()).post(Partners.accountPath(coupleId, lee)).then().statusCode(422)
                .body("violations[0].field", equalTo("email"));
        as("therapist1").body(Map.of("email", "not an address")).post(Partners.accountPath(coupleId, lee)).then()
                .statusCode(400).body("violations[0].field", equalTo("email"));
        as("therapist1").body(Map.of()).post(Partners.accountPath(coupleId, java.util.UUID.randomUUID().toString()))
                .then().statusCode(404);
        as("therapist1").get(Partners.accountPath(coupleId, lee)).then().statusCode(404);
        // Nothing was created for the refused invitations.
        as("therapist1").get(Partners.accountPath(coupleId, lee)).then().statusCode(404);

        given().contentType(ContentType.JSON).body(Map.of("code", "no-such-code", "password", Partners.PASSWORD))
                .post(ACTIVATE).then().statusCode(422).body("violations[0].field", equalTo("code"));
        given().contentType(ContentType.JSON).body(Map.of("code", "x", "password", "short"))
                .post(ACTIVATE).then().statusCode(400).body("violations[0].field", equalTo("password"));
        given().contentType(ContentType.JSON).body("{\"code\": ").post(ACTIVATE).then().statusCode(400)
                .body("type", equalTo("/problems/malformed-json"));
    }

    /** The production realm asks everyone for an authenticator app: activation sets the password and keeps that. */
    @Test
    void activationKeepsTheRealmsOtherRequiredActions() {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        String coupleId = couple.path("id");
        String partnerId = couple.path("partners[0].id");
        String email = "totp-" + unique() + "@example.invalid";
        String code = as("therapist1").body(Map.of("email", email)).post(Partners.accountPath(coupleId, partnerId))
                .then().statusCode(200).extract().path("activationCode");
        String subject = KeycloakAdmin.realm().queryParam("email", email).queryParam("exact", true).get("/users")
                .then().statusCode(200).extract().path("[0].id");
        Map<String, Object> user = KeycloakAdmin.realm().get("/users/" + subject).then().statusCode(200).extract()
                .as(Map.class);
        user.put("requiredActions", List.of("UPDATE_PASSWORD", "CONFIGURE_TOTP"));
        KeycloakAdmin.realm().body(user).put("/users/" + subject).then().statusCode(204);

        Partners.activate(code);
        assertEquals(List.of("CONFIGURE_TOTP"), KeycloakAdmin.user(subject).getList("requiredActions"));
    }

    @Test
    void theDemoPartnersSignInAsTheDemoCouplesPartners() {
        Response a = Partners.demo("partner1a").get("/api/v1/me").then().statusCode(200).body("seat", equalTo(1))
                .body("name", equalTo("Alex")).extract().response();
        Partners.demo("partner1b").get("/api/v1/me").then().statusCode(200).body("seat", equalTo(2))
                .body("coupleId", equalTo(a.path("coupleId")));
        as("therapist1").get("/api/v1/couples/" + a.path("coupleId")).then().body("code", equalTo("C-DEMO01"));
    }

    /** A token's {@code iat} claim, read from its payload. */
    private static long issuedAt(String token) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        return io.restassured.path.json.JsonPath.from(payload).getLong("iat");
    }
}
