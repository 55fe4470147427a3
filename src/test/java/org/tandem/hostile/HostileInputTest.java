package org.tandem.hostile;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tandem.testsupport.Tokens;
import org.tandem.testsupport.Management;

/**
 * Hostile input against every operation of the OpenAPI document, generated rather than hand-picked: no token,
 * a forged token, an expired one and one for another audience, path ids that are not ids or belong to nobody, and for every body malformed JSON, wrong types,
 * mass-assigned ids and status, huge strings and arrays, unicode edge cases, overflowing numbers and bad dates.
 * The answer is never a 5xx, every error is a problem document that echoes nothing, and nothing is written.
 */
@QuarkusTest
class HostileInputTest {

    /** Tables a successful write would change; none may change during the suite. */
    private static final List<String> TABLES = List.of("couple", "partner", "therapy_session", "session_series",
            "session_note", "assignment", "completion", "boundary", "measurement", "questionnaire_response",
            "sobriety_reset", "safety_flag", "exercise", "rating_metric", "export_job", "webhook_endpoint",
            "working_hours", "calendar_feed");

    private static final String HUGE = "x".repeat(200_000);

    @Inject
    AgroalDataSource db;

    record Operation(String method, String path, boolean hasBody, String id) {

        /** Its credential is in the request (a feed's secret URL, an activation code), not a token. */
        boolean isPublic() {
            return org.tandem.security.AccessRules.of(id).map(org.tandem.security.AccessRules.Rule::isPublic)
                    .orElse(false);
        }
    }

    @Test
    void noOperationAnswersHostileInputWithA5xxOrWritesAnything() throws Exception {
        // The exercise library is seeded on a clinic's first read of it: a legitimate write, done before counting.
        given().auth().oauth2(Tokens.of("admin1")).get("/api/v1/exercises").then().statusCode(200);
        Map<String, Long> before = counts();
        List<Operation> operations = operations();
        assertTrue(operations.size() > 60, "the OpenAPI document lists the operations: " + operations.size());
        String forged = forgedToken();
        // Correctly signed by the realm's own key, so only the claim is wrong: expired, or minted for another API.
        String expired = Tokens.resigned("admin1", claims -> claims.replaceFirst("\"exp\":\\d+",
                "\"exp\":" + (System.currentTimeMillis() / 1000 - 120)));
        String otherAudience = Tokens.resigned("admin1", claims -> claims.replaceFirst(
                "\"aud\":(\\[[^]]*]|\"[^\"]*\")", "\"aud\":\"billing-api\""));
        // The control: re-signed unchanged, the token is accepted, so the 401s below are about the claims.
        given().auth().oauth2(Tokens.resigned("admin1", claims -> claims)).get("/api/v1/clinic").then().statusCode(200);
        assertTrue(!expired.equals(Tokens.resigned("admin1", claims -> claims))
                && !otherAudience.equals(Tokens.resigned("admin1", claims -> claims)), "the claims were changed");
        List<String> problems = new ArrayList<>();
        int requests = 0;
        for (Operation op : operations) {
            boolean publicOperation = op.isPublic();
            List<String> ids = List.of(UUID.randomUUID().toString(), "not-an-id", "%00", "1%20OR%201%3D1",
                    "..%2F..%2Fetc", "%F0%9F%98%80");
            for (String id : ids) {
                String path = op.path().replaceAll("\\{[^}]+}", id);
                if (!publicOperation) {
                    // Sent as a well-formed client would (JSON content type): the refusal must be about the token.
                    String empty = op.method().equals("GET") || op.method().equals("DELETE") ? null : "{}";
                    check(problems, op, path, "no token", given(), empty, List.of(401));
                    check(problems, op, path, "forged token", given().auth().oauth2(forged), empty, List.of(401));
                    check(problems, op, path, "expired token", given().auth().oauth2(expired), empty, List.of(401));
                    check(problems, op, path, "other-audience token", given().auth().oauth2(otherAudience), empty,
                            List.of(401));
                    requests += 4;
                }
                for (String user : List.of("admin1", "therapist1", "integration", "partner1a")) {
                    RequestSpecification who = user.equals("integration")
                            ? given().auth().oauth2(Tokens.integration())
                            : given().auth().oauth2(Tokens.of(user));
                    check(problems, op, path, user, who, op.hasBody() ? "{}" : null, List.of());
                    requests++;
                    if (op.hasBody() && id.equals(ids.get(0))) {
                        // A write that is not JSON: 415, as a problem, before anything else is looked at.
                        for (String type : List.of("text/plain", "application/octet-stream", "application/xml")) {
                            RequestSpecification again = user.equals("integration")
                                    ? given().auth().oauth2(Tokens.integration())
                                    : given().auth().oauth2(Tokens.of(user));
                            check(problems, op, path, user + " " + type, again, "{}", type, List.of(415));
                            requests++;
                        }
                        for (Map.Entry<String, String> body : bodies().entrySet()) {
                            RequestSpecification again = user.equals("integration")
                                    ? given().auth().oauth2(Tokens.integration())
                                    : given().auth().oauth2(Tokens.of(user));
                            check(problems, op, path, user + " " + body.getKey(), again, body.getValue(), List.of());
                            requests++;
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), problems, requests + " hostile requests");
        assertEquals(before, counts(), "a rejected request writes nothing");
    }

    /** Bodies that must all be refused whatever the operation (or refer to nothing, given random path ids). */
    private static Map<String, String> bodies() {
        Map<String, String> b = new LinkedHashMap<>();
        b.put("malformed", "{\"a\": ");
        b.put("not an object", "[1, 2, 3]");
        b.put("a bare string", "\"hello\"");
        b.put("null", "null");
        b.put("mass assignment", "{\"id\": \"" + UUID.randomUUID() + "\", \"clinicId\": \"" + UUID.randomUUID()
                + "\", \"version\": 0, \"status\": \"ACTIVE\", \"createdAt\": \"2020-01-01T00:00:00Z\"}");
        b.put("huge string", "{\"text\": \"" + HUGE + "\", \"fullName\": \"" + HUGE + "\"}");
        b.put("huge array", "{\"answers\": [" + "1,".repeat(50_000) + "1]}");
        b.put("unicode", "{\"text\": \"\\u0000\\uFFFF\\uD83D\\uDE00\\u202E\\u200B\", \"name\": \"\\uD800\"}");
        b.put("overflow", "{\"value\": 1e309, \"timesPerWeek\": 99999999999999999999, \"count\": -2147483649}");
        b.put("bad dates", "{\"date\": \"2031-02-30\", \"from\": \"yesterday\", \"start\": \"2031-03-03T25:00\","
                + " \"startsOn\": \"+999999999-12-31\", \"timeZone\": \"Mars/Olympus\"}");
        b.put("wrong types", "{\"partners\": \"two\", \"value\": \"high\", \"answers\": {}, \"events\": 3,"
                + " \"kind\": [], \"exerciseId\": 42}");
        b.put("deep nesting", "[".repeat(5_000) + "]".repeat(5_000));
        return b;
    }

    private static void check(List<String> problems, Operation op, String path, String label,
            RequestSpecification spec, String body, List<Integer> expected) {
        check(problems, op, path, label, spec, body, "application/json", expected);
    }

    private static void check(List<String> problems, Operation op, String path, String label,
            RequestSpecification spec, String body, String contentType, List<Integer> expected) {
        RequestSpecification request = spec.urlEncodingEnabled(false).accept(ContentType.ANY);
        if (body != null) {
            request = request.contentType(contentType).body(body.getBytes(StandardCharsets.UTF_8));
        }
        Response r = request.request(op.method(), path);
        int status = r.statusCode();
        String where = op.method() + " " + path.substring(0, Math.min(path.length(), 120)) + " [" + label + "]";
        if (status >= 500) {
            problems.add(where + ": " + status);
            return;
        }
        if (!expected.isEmpty() && !expected.contains(status)) {
            problems.add(where + ": " + status + ", expected " + expected);
            return;
        }
        if (status >= 400 && status != 401 && status != 405) {
            String type = r.contentType();
            if (type == null || !type.startsWith("application/problem+json")) {
                problems.add(where + ": " + status + " is not a problem document (" + type + ")");
                return;
            }
            String text = r.asString();
            if (text.contains("Exception") || text.contains("at org.") || text.contains(HUGE.substring(0, 100))) {
                problems.add(where + ": the problem leaks internals or echoes input");
            }
        }
        if (status < 300 && op.method().equals("POST")) {
            problems.add(where + ": accepted with " + status);
        }
    }

    private static List<Operation> operations() {
        JsonPath openapi = Management.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract()
                .jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = openapi.getMap("paths");
        List<Operation> ops = new ArrayList<>();
        paths.forEach((path, methods) -> {
            if (path.startsWith("/api/v1")) {
                methods.forEach((method, op) -> {
                    boolean body = op.containsKey("requestBody");
                    // A POST without body or path ids creates with the caller's identity alone (a calendar feed):
                    // valid by construction, so not hostile input.
                    if (method.equals("post") && !body && !path.contains("{")) {
                        return;
                    }
                    ops.add(new Operation(method.toUpperCase(), path, body, (String) op.get("operationId")));
                });
            }
        });
        return ops;
    }

    /** A well-formed JWT with our realm's claims, signed by nobody we trust. */
    private static String forgedToken() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"forged\"}".getBytes());
        String claims = b64.encodeToString(("{\"sub\":\"11111111-1111-4111-8111-111111111111\",\"aud\":\"tandem-api\","
                + "\"clinic\":\"demo-clinic\",\"realm_access\":{\"roles\":[\"admin\"]},\"exp\":4102444800}").getBytes());
        return header + "." + claims + "." + b64.encodeToString(new byte[256]);
    }

    private Map<String, Long> counts() throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet r = s.executeQuery("select count(*) from " + table)) {
                    r.next();
                    counts.put(table, r.getLong(1));
                }
            }
        }
        return counts;
    }
}
