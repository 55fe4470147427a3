package org.tandem.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tandem.testsupport.Api;
import org.tandem.testsupport.Management;

/** What operators and integrators rely on: health, metrics, the OpenAPI document, and problem responses. */
@QuarkusTest
class PlatformTest {

    @Test
    void readinessCoversTheDatabaseButNotTheIdentityProvider() {
        // Keycloak is left out on purpose: its outage must not take every pod out of service (KeycloakOutageTest).
        Management.given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.name", not(hasItem(containsString("OIDC"))));
        Management.given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void prometheusMetricsAreExposed() {
        Api.as("admin1").get("/api/v1/therapists").then().statusCode(200);
        Management.given().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("agroal_active_count"));
    }

    @Test
    void everyOperationIsDocumentedWithSummaryRolesAndErrors() {
        JsonPath openapi = Management.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = openapi.getMap("paths");
        List<String> problems = new ArrayList<>();
        paths.forEach((path, operations) -> {
            if (!path.startsWith("/api/v1")) {
                return;
            }
            operations.forEach((method, op) -> {
                String where = method.toUpperCase() + " " + path;
                String summary = (String) op.get("summary");
                if (summary == null || !summary.contains("role")) {
                    problems.add(where + ": summary must name the roles");
                }
                if (op.get("security") == null) {
                    // A public operation (the calendar feed, whose secret URL is the credential) says so.
                    if (summary == null || !summary.contains("roles: none")) {
                        problems.add(where + ": no security requirement and not marked public");
                    }
                    return;
                }
                if (method.equals("post") && !String.valueOf(op.get("parameters")).contains("Idempotency-Key")) {
                    problems.add(where + ": no Idempotency-Key header parameter");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> responses = (Map<String, Object>) op.get("responses");
                List<String> expected = new ArrayList<>(List.of("401", "403"));
                if (path.contains("{")) {
                    expected.add("404"); // another clinic's, therapist's or couple's record is not found
                }
                if (String.valueOf(op.get("parameters")).contains("If-Match")) {
                    expected.addAll(List.of("412", "428"));
                }
                for (String code : expected) {
                    if (responses == null || !responses.containsKey(code)) {
                        problems.add(where + ": no " + code + " response");
                    }
                }
            });
        });
        assertTrue(paths.containsKey("/api/v1/couples"), "couples documented");
        assertEquals(List.of(), problems);
    }

    /**
     * The interceptor binding is what makes Idempotency-Key work; a resource with a POST must carry it. A resource
     * whose POSTs are all public (the partner's activation) has no caller to keep a key for: its own credential
     * works once, and its documentation says what a retry answers.
     */
    @Test
    void everyResourceWithAPostHonoursIdempotencyKeys() throws Exception {
        Path classes = Path.of("target/classes");
        List<String> missing = new ArrayList<>();
        try (var files = Files.walk(classes.resolve("org/tandem"))) {
            for (Path file : files.filter(f -> f.toString().endsWith("Resource.class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replace(".class", "");
                Class<?> type = Class.forName(name);
                var postMethods = java.util.Arrays.stream(type.getDeclaredMethods())
                        .filter(m -> m.isAnnotationPresent(jakarta.ws.rs.POST.class)).toList();
                boolean posts = !postMethods.isEmpty() && !postMethods.stream().allMatch(m -> org.tandem.security
                        .AccessRules.of(org.tandem.security.AccessRules.operationId(m))
                        .map(org.tandem.security.AccessRules.Rule::isPublic).orElse(false));
                if (posts && !type.isAnnotationPresent(org.tandem.idempotency.Idempotent.class)) {
                    missing.add(name);
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void swaggerUiIsServed() {
        Management.given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void operationsEndpointsAreNotOnTheApisPort() {
        for (String path : List.of("/q/health/ready", "/q/health/live", "/q/metrics", "/q/openapi", "/q/swagger-ui/")) {
            given().get(path).then().statusCode(404);
        }
    }

    @Test
    void unknownApiPathIsA404Problem() {
        Api.as("admin1").get("/api/v1/nothing-here").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/not-found"));
    }

    @Test
    void unauthenticatedIsA401WithoutInternals() {
        given().get("/api/v1/couples").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"))
                .body("type", org.hamcrest.Matchers.equalTo("/problems/unauthenticated"))
                .body(not(containsString("Exception")));
        given().auth().oauth2("not.a.token").get("/api/v1/couples").then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.equalTo("/problems/unauthenticated"));
    }
}
