package org.tandem.hostile;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tandem.testsupport.Api.as;
import static org.tandem.testsupport.Api.unique;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tandem.measurement.MeasurementResourceTest;
import org.tandem.testsupport.Api;
import org.tandem.testsupport.Bookings;
import org.tandem.testsupport.Tokens;

/**
 * Requests too large for the API, and dates no clinic could mean: each answered with a problem document that names
 * what failed, never an empty body or a 500, and nothing written.
 */
@QuarkusTest
class LimitsTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Berlin"));
    /** Dates Java parses, far outside any plausible range. */
    static final List<String> FAR_DATES = List.of("+999999999-12-31", "-999999999-01-01", "-0001-01-01",
            "+10000-01-01", "1899-12-31", "2200-01-01");

    @TestHTTPResource("/")
    URL base;

    @Test
    void aUriTooLongIsAProblem() {
        given().auth().oauth2(Tokens.of("therapist1")).queryParam("status", "x".repeat(9_000))
                .get("/api/v1/couples").then().statusCode(414).contentType("application/problem+json")
                .body("type", equalTo("/problems/uri-too-long")).body("status", equalTo(414))
                .body(not(containsString("xxxx")));
    }

    @Test
    void headersTooLargeAreAProblem() {
        given().auth().oauth2(Tokens.of("therapist1")).header("X-Filler", "y".repeat(20_000))
                .get("/api/v1/couples").then().statusCode(431).contentType("application/problem+json")
                .body("type", equalTo("/problems/headers-too-large")).body(not(containsString("yyyy")));
    }

    @Test
    void aBodyTooLargeIsAProblemWhetherDeclaredOrStreamed() throws Exception {
        String marker = unique();
        String huge = "{\"partners\": [{\"fullName\": \"" + marker + "z".repeat(2_000_000) + "\"}]}";
        given().auth().oauth2(Tokens.of("therapist1")).contentType("application/json").body(huge)
                .post("/api/v1/couples").then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("/problems/payload-too-large"));
        // Streamed, with no Content-Length to refuse up front: the limit meets it while it streams.
        HttpResponse<String> streamed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                base.toURI().resolve("/api/v1/couples"))
                .header("Authorization", "Bearer " + Tokens.of("therapist1"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8))))
                .build(), HttpResponse.BodyHandlers.ofString());
        // Quarkus REST cuts it off with its own empty 413 (docs/security.md, "Known gaps"); nothing is written.
        assertEquals(413, streamed.statusCode(), streamed.body());
        as("therapist1").queryParam("q", marker).get("/api/v1/couples").then().statusCode(200)
                .body("totalItems", equalTo(0));
        // A chunked body within the limit is read as usual.
        String small = new ObjectMapper().writeValueAsString(Api.coupleBody(marker));
        HttpResponse<String> fine = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                base.toURI().resolve("/api/v1/couples"))
                .header("Authorization", "Bearer " + Tokens.of("therapist1"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(small.getBytes(StandardCharsets.UTF_8))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, fine.statusCode(), fine.body());
        as("therapist1").queryParam("q", marker).get("/api/v1/couples").then().statusCode(200)
                .body("totalItems", equalTo(1));
    }

    @Test
    void aFarDateInABodyIsAFieldErrorAndWritesNothing() {
        String coupleId = Api.createCouple("therapist1", unique());
        List<String> wrong = new ArrayList<>();
        for (String date : FAR_DATES) {
            Response rating = as("therapist1").body(withDate(MeasurementResourceTest.rating("trust", null, TODAY, 5,
                    "THERAPIST"), "date", date)).post(MeasurementResourceTest.path(coupleId));
            expectField(wrong, "rating date " + date, rating, "date");
            Map<String, Object> session = Bookings.session(coupleId, date + "T10:00", date + "T10:50");
            expectField(wrong, "session start " + date, as("therapist1").body(session).post("/api/v1/sessions"),
                    "start");
            Map<String, Object> partners = new HashMap<>(Api.coupleBody(unique()));
            partners.put("careStartedOn", date);
            expectField(wrong, "careStartedOn " + date, as("therapist1").body(partners).post("/api/v1/couples"),
                    "careStartedOn");
        }
        assertEquals(List.of(), wrong);
        as("therapist1").get(MeasurementResourceTest.path(coupleId)).then().body("totalItems", equalTo(0));
        as("therapist1").get("/api/v1/couples/" + coupleId + "/sessions").then().body("totalItems", equalTo(0));
    }

    @Test
    void aFarDateInAQueryIsAParameterError() {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        String coupleId = couple.path("id");
        String exercise = as("therapist1").get("/api/v1/exercises").then().statusCode(200).extract().path("items[0].id");
        String assignment = as("therapist1").body(Map.of("exerciseId", exercise, "startsOn", TODAY.toString()))
                .post("/api/v1/couples/" + coupleId + "/assignments").then().statusCode(201).extract().path("id");
        String me = Api.therapistId("admin1", "therapist1");
        Map<String, String> pathsAndUsers = new java.util.LinkedHashMap<>();
        pathsAndUsers.put("/api/v1/audit-events", "admin1");
        pathsAndUsers.put("/api/v1/couples/" + coupleId + "/assignments/" + assignment + "/adherence", "therapist1");
        pathsAndUsers.put("/api/v1/couples/" + coupleId + "/measurements", "therapist1");
        pathsAndUsers.put("/api/v1/couples/" + coupleId + "/progress", "therapist1");
        pathsAndUsers.put("/api/v1/couples/" + coupleId + "/report", "therapist1");
        pathsAndUsers.put("/api/v1/couples/" + coupleId + "/sessions", "therapist1");
        pathsAndUsers.put("/api/v1/sessions", "therapist1");
        pathsAndUsers.put("/api/v1/therapists/" + me + "/free-slots", "therapist1");
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, String> e : pathsAndUsers.entrySet()) {
            for (String param : List.of("from", "to")) {
                for (String date : List.of("+999999999-12-31", "-0001-01-01", "+999999999-12-31T00:00:00Z",
                        "-0001-01-01T00:00:00Z")) {
                    RequestSpecification q = as(e.getValue()).queryParam(param, date);
                    if (e.getKey().endsWith("/free-slots")) {
                        // Both are required there: the other one valid, so the answer is about this one.
                        q.queryParam(param.equals("from") ? "to" : "from", TODAY.toString());
                    }
                    Response r = q.get(e.getKey());
                    if (r.statusCode() == 400 && r.contentType().startsWith("application/problem+json")
                            && param.equals(r.path("violations[0].field"))) {
                        continue;
                    }
                    wrong.add(e.getKey() + "?" + param + "=" + date + " -> " + r.statusCode() + " " + r.asString());
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    private static Map<String, Object> withDate(Map<String, Object> body, String field, String date) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(field, date);
        return copy;
    }

    private static void expectField(List<String> wrong, String what, Response r, String field) {
        boolean problem = r.contentType() != null && r.contentType().startsWith("application/problem+json");
        Object named = problem ? firstNonNull(r.path("violations[0].field"), r.path("field")) : null;
        if (r.statusCode() != 400 || !field.equals(named)) {
            wrong.add(what + " -> " + r.statusCode() + " " + r.asString());
        }
    }

    private static Object firstNonNull(Object a, Object b) {
        return a != null ? a : b;
    }
}
