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

    private static java.util.List<String> audience(io.restassured.path.json.JsonPath claims) {
        Object aud = claims.get("aud");
        return aud instanceof String s ? java.util.List.of(s) : claims.getList("aud");
    }

    private static io.restassured.path.json.JsonPath claims(String jwt) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        return new io.restassured.path.json.JsonPath(payload);
    }
}
