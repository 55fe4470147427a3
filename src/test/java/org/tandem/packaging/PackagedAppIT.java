package org.tandem.packaging;

import static org.hamcrest.Matchers.equalTo;
import static org.tandem.testsupport.Api.as;
import static org.tandem.testsupport.Api.coupleBody;
import static org.tandem.testsupport.Api.createCouple;
import static org.tandem.testsupport.Api.unique;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar in the prod profile (Flyway at start, JSON logs, no demo data) against the real MariaDB and
 * Keycloak: a therapist's first call provisions them, and their couple round-trips.
 */
@QuarkusIntegrationTest
class PackagedAppIT {

    @Test
    void theProductionBuildServesTheApiWithRealTokens() {
        String marker = unique();
        String id = createCouple("therapist2", coupleBody(marker)).path("id");
        as("therapist2").get("/api/v1/couples/" + id).then().statusCode(200)
                .header("Cache-Control", equalTo("no-store"))
                .body("partners[0].fullName", equalTo("Kit " + marker));
        as("therapist1").get("/api/v1/couples/" + id).then().statusCode(404);
    }
}
