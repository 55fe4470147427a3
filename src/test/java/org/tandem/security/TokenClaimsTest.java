package org.tandem.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.tandem.testsupport.Tokens;

/** The realm file and the app agree: real Keycloak tokens carry the clinic, the audience and the roles. */
@QuarkusTest
class TokenClaimsTest {

    @Test
    void userTokensCarryClinicAudienceAndRealmRole() {
        io.restassured.path.json.JsonPath claims = claims(Tokens.of("therapist1"));
        org.junit.jupiter.api.Assertions.assertEquals("demo-clinic", claims.getString("clinic"));
        org.hamcrest.MatcherAssert.assertThat(claims.getList("realm_access.roles"), hasItem("therapist"));
        org.hamcrest.MatcherAssert.assertThat(audience(claims), hasItem("tandem-api"));
        org.junit.jupiter.api.Assertions.assertEquals("11111111-1111-4111-8111-111111111111", claims.getString("sub"));
        org.junit.jupiter.api.Assertions.assertEquals("other-clinic", claims(Tokens.of("admin9")).getString("clinic"));
    }

    @Test
    void serviceAccountTokenCarriesClinicAndIntegrationRole() {
        io.restassured.path.json.JsonPath claims = claims(Tokens.integration());
        org.junit.jupiter.api.Assertions.assertEquals("demo-clinic", claims.getString("clinic"));
        org.hamcrest.MatcherAssert.assertThat(claims.getList("realm_access.roles"), hasItem("integration"));
        org.hamcrest.MatcherAssert.assertThat(audience(claims), hasItem("tandem-api"));
    }

    @Test
    void apiAcceptsTheRealTokenAndSetsNoStore() {
        given().auth().oauth2(Tokens.of("admin1"))
                .when().get("/api/v1/therapists")
                .then().statusCode(200)
                .header("Cache-Control", equalTo("no-store"));
    }

    @Test
    void onlyAnAccessTokenOfTheRealmIsAnAccessToken() {
        io.restassured.path.json.JsonPath grant = given().baseUri(Tokens.tokenUrl())
                .formParam("grant_type", "password").formParam("client_id", "tandem-api")
                .formParam("client_secret", "tandem-api-secret").formParam("scope", "openid")
                .formParam("username", "admin1").formParam("password", "demo").post().then().statusCode(200)
                .extract().jsonPath();
        // The ID token is signed by the realm's own key and names tandem-api as its audience: only its type differs.
        io.restassured.path.json.JsonPath idClaims = claims(grant.getString("id_token"));
        org.junit.jupiter.api.Assertions.assertEquals("ID", idClaims.getString("typ"));
        org.hamcrest.MatcherAssert.assertThat(audience(idClaims), hasItem("tandem-api"));
        given().auth().oauth2(grant.getString("id_token")).get("/api/v1/clinic").then().statusCode(401);
        given().auth().oauth2(grant.getString("refresh_token")).get("/api/v1/clinic").then().statusCode(401);
        given().auth().oauth2(grant.getString("access_token")).get("/api/v1/clinic").then().statusCode(200);
        // Re-signed with the realm's key and typ changed, an access token is refused as well.
        given().auth().oauth2(Tokens.resigned("admin1", c -> c.replace("\"typ\":\"Bearer\"", "\"typ\":\"ID\"")))
                .get("/api/v1/clinic").then().statusCode(401);
        given().auth().oauth2(Tokens.resigned("admin1", c -> c)).get("/api/v1/clinic").then().statusCode(200);
    }

    private static java.util.List<String> audience(io.restassured.path.json.JsonPath claims) {
        Object aud = claims.get("aud");
        return aud instanceof String s ? java.util.List.of(s) : claims.getList("aud");
    }

    private static io.restassured.path.json.JsonPath claims(String jwt) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        return new io.restassured.path.json.JsonPath(payload);
    }
}
