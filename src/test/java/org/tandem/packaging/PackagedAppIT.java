package org.tandem.packaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tandem.testsupport.Api.as;
import static org.tandem.testsupport.Api.coupleBody;
import static org.tandem.testsupport.Api.createCouple;
import static org.tandem.testsupport.Api.unique;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.tandem.testsupport.Management;

/**
 * The packaged jar in the prod profile (Flyway at start, JSON logs, no demo data) against the real MariaDB and
 * Keycloak: a therapist's first call provisions them, and their couple round-trips. Last, it is stopped the way
 * Kubernetes stops a pod, and shuts down gracefully.
 */
@QuarkusIntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PackagedAppIT {

    @Test
    @Order(1)
    void theProductionBuildServesTheApiWithRealTokens() {
        String marker = unique();
        String id = createCouple("therapist2", coupleBody(marker)).path("id");
        as("therapist2").get("/api/v1/couples/" + id).then().statusCode(200)
                .header("Cache-Control", equalTo("no-store"))
                .body("partners[0].fullName", equalTo("Kit " + marker));
        as("therapist1").get("/api/v1/couples/" + id).then().statusCode(404);
    }

    /** In production the API's port serves the API alone, and Swagger UI is off until an operator turns it on. */
    @Test
    @Order(1)
    void operationsEndpointsAreOnTheManagementPortOnly() {
        for (String path : List.of("/q/health/ready", "/q/health/live", "/q/metrics", "/q/openapi", "/q/swagger-ui/")) {
            given().get(path).then().statusCode(404);
        }
        Management.given().get("/q/health/live").then().statusCode(200);
        Management.given().get("/q/metrics").then().statusCode(200);
        Management.given().get("/q/openapi").then().statusCode(200);
        Management.given().get("/q/swagger-ui/").then().statusCode(404);
    }

    /**
     * SIGTERM, as the kubelet sends it: readiness turns DOWN at once, so the endpoints controller takes the pod
     * out of the Service, while requests still arriving (or in flight) are served for the shutdown delay (5 s in
     * prod); then the app stops by itself, well inside the grace period. Runs last: it stops the app.
     */
    @Test
    @Order(2)
    void onSigtermReadinessGoesDownFirstAndRequestsStillFinish() throws Exception {
        String id = createCouple("therapist2", coupleBody(unique())).path("id");
        ProcessHandle app = ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("quarkus-run.jar"))
                .findFirst().orElseThrow(() -> new AssertionError("the packaged app is not a child of this JVM"));
        Management.given().get("/q/health/ready").then().statusCode(200);

        long sent = System.nanoTime();
        assertTrue(app.destroy(), "SIGTERM sent");
        // Readiness is DOWN during the shutdown delay, within moments of the signal.
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
                .until(() -> Management.given().get("/q/health/ready").statusCode() == 503);
        // Still serving: a request arriving now (as one routed before the endpoint update would) completes.
        as("therapist2").get("/api/v1/couples/" + id).then().statusCode(200);
        assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - sent) < 5, "all of that inside the delay");

        assertTrue(app.onExit().get(40, TimeUnit.SECONDS) != null, "the app stops by itself within the grace period");
    }
}
