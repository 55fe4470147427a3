package org.tandem.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import org.junit.jupiter.api.Test;

/**
 * Tokens the demo realm cannot mint (no clinic claim): the identity is simulated with quarkus-test-security, the
 * rest of the path (resources, services, database) is real.
 */
@QuarkusTest
class MissingClinicClaimTest {

    @Test
    @TestSecurity(user = "orphan", roles = Roles.THERAPIST)
    @OidcSecurity(claims = @Claim(key = "sub", value = "0f0f0f0f-0000-4000-8000-000000000000"))
    void aTokenWithoutAClinicReachesNothing() {
        given().get("/api/v1/couples").then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/no-clinic"));
    }

    @Test
    @TestSecurity(user = "moved", roles = Roles.THERAPIST)
    @OidcSecurity(claims = {
            @Claim(key = "sub", value = "11111111-1111-4111-8111-111111111111"),
            @Claim(key = "clinic", value = "other-clinic")})
    void aTherapistMovedToAnotherClinicDoesNotCarryTheirAccessAcross() {
        given().get("/api/v1/couples").then().statusCode(403)
                .body("type", equalTo("/problems/no-clinic"));
    }
}
