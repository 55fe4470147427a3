package org.tandem.exercise;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.tandem.testsupport.Api.anonymous;
import static org.tandem.testsupport.Api.as;
import static org.tandem.testsupport.Api.asIntegration;
import static org.tandem.testsupport.Api.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tandem.testsupport.Api;
import org.tandem.testsupport.Partners;

@QuarkusTest
class AssignmentResourceTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void anAssignmentKeepsTheVersionItWasGiven() {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        Response exercise = as("therapist1").body(ExerciseResourceTest.exercise("Walk " + unique())).post("/api/v1/exercises")
                .then().statusCode(201).extract().response();
        LocalDate start = today().minusDays(13);
        Response assignment = assign(couple.path("id"), Map.of("exerciseId", exercise.path("id"),
                "startsOn", start.toString(), "note", "Do it together"));
        assignment.then().body("exercise.number", equalTo(1)).body("cadence.kind", equalTo("WEEKLY"))
                .body("status", equalTo("ACTIVE")).body("note", equalTo("Do it together"));

        Map<String, Object> edited = ExerciseResourceTest.exercise("Walk, longer");
        edited.put("cadence", "DAILY");
        as("therapist1").header("If-Match", exercise.header("ETag")).body(edited)
                .put("/api/v1/exercises/" + exercise.path("id")).then().statusCode(200).body("current.number", equalTo(2));
        as("therapist1").get(path(couple.path("id")) + "/" + assignment.path("id")).then().statusCode(200)
                .body("exercise.number", equalTo(1)).body("exercise.title", equalTo(exercise.path("current.title")))
                .body("cadence.kind", equalTo("WEEKLY"));
    }

    @Test
    void completionsAreIdempotentAndAdherenceIsDerived() {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        String coupleId = couple.path("id");
        String partner1 = couple.path("partners[0].id");
        String partner2 = couple.path("partners[1].id");
        LocalDate start = today().minusDays(6);
        String id = assign(coupleId, Map.of("exerciseId", seeded("Mindful breathing"), "startsOn", start.toString()))
                .path("id");

        Map<String, Object> done = new HashMap<>(Map.of("partnerId", partner1, "date", start.toString(), "rating", 4,
                "reflection", "Hard to sit still"));
        String first = as("therapist1").body(done).post(path(coupleId) + "/" + id + "/completions").then()
                .statusCode(201).extract().path("id");
        as("therapist1").body(done).post(path(coupleId) + "/" + id + "/completions").then().statusCode(200)
                .body("id", equalTo(first));
        done.put("date", start.plusDays(1).toString());
        as("therapist1").body(done).post(path(coupleId) + "/" + id + "/completions").then().statusCode(201);

        as("therapist1").queryParam("from", start.toString()).queryParam("to", start.plusDays(6).toString())
                .get(path(coupleId) + "/" + id + "/adherence").then().statusCode(200)
                .body("partners.find { it.partnerId == '" + partner1 + "' }.due", equalTo(7))
                .body("partners.find { it.partnerId == '" + partner1 + "' }.done", equalTo(2))
                .body("partners.find { it.partnerId == '" + partner2 + "' }.done", equalTo(0));
    }

    @Test
    void aCompletionLoggedByMistakeIsMarkedAndNoLongerCounts() {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        String coupleId = couple.path("id");
        String partner1 = couple.path("partners[0].id");
        LocalDate start = today().minusDays(6);
        String id = assign(coupleId, Map.of("exerciseId", seeded("Mindful breathing"), "startsOn", start.toString()))
                .path("id");
        String completions = path(coupleId) + "/" + id + "/completions";
        String wrong = as("therapist1").body(Map.of("partnerId", partner1, "date", start.toString(), "rating", 2))
                .post(completions).then().statusCode(201).extract().path("id");
        String mark = completions + "/" + wrong + "/entered-in-error";
        Map<String, Object> reason = Map.of("reason", "Logged on the wrong assignment");

        anonymous().body(reason).post(mark).then().statusCode(401);
        as("admin1").body(reason).post(mark).then().statusCode(403);
        as("therapist2").body(reason).post(mark).then().statusCode(404);
        as("therapist9").body(reason).post(mark).then().statusCode(404);
        asIntegration().body(reason).post(mark).then().statusCode(404); // logged by the therapist, not by it
        String other = assign(coupleId, Map.of("exerciseId", seeded("Mindful breathing"), "startsOn",
                start.toString())).path("id");
        as("therapist1").body(reason).post(path(coupleId) + "/" + other + "/completions/" + wrong + "/entered-in-error")
                .then().statusCode(404);
        as("therapist1").body(Map.of("reason", " ")).post(mark).then().statusCode(400)
                .body("violations[0].field", equalTo("reason"));
        as("therapist1").queryParam("from", start.toString()).queryParam("to", start.toString())
                .get(path(coupleId) + "/" + id + "/adherence").then()
                .body("partners.find { it.partnerId == '" + partner1 + "' }.done", equalTo(1));

        as("therapist1").body(reason).post(mark).then().statusCode(200).body("id", equalTo(wrong))
                .body("enteredInError.reason", equalTo("Logged on the wrong assignment"));
        as("therapist1").body(reason).post(mark).then().statusCode(409)
                .body("type", equalTo("/problems/entered-in-error"));
        as("therapist1").queryParam("from", start.toString()).queryParam("to", start.toString())
                .get(path(coupleId) + "/" + id + "/adherence").then()
                .body("partners.find { it.partnerId == '" + partner1 + "' }.done", equalTo(0));
        // The day is free again: the right completion is logged as a new one, and counts.
        String right = as("therapist1").body(Map.of("partnerId", partner1, "date", start.toString(), "rating", 4))
                .post(completions).then().statusCode(201).extract().path("id");
        as("therapist1").body(Map.of("partnerId", partner1, "date", start.toString())).post(completions).then()
                .statusCode(200).body("id", equalTo(right));
        as("therapist1").get(completions).then().statusCode(200).body("id", org.hamcrest.Matchers.contains(wrong, right))
                .body("find { it.id == '" + wrong + "' }.enteredInError.reason", equalTo("Logged on the wrong assignment"))
                .body("find { it.id == '" + right + "' }.enteredInError", nullValue());
        as("admin1").get(completions).then().body("find { it.id == '" + wrong + "' }.enteredInError.reason", nullValue());
        as("therapist1").queryParam("from", start.toString()).queryParam("to", start.toString())
                .get(path(coupleId) + "/" + id + "/adherence").then()
                .body("partners.find { it.partnerId == '" + partner1 + "' }.done", equalTo(1));
    }

    @Test
    void anIntegrationMarksOnlyCompletionsItLogged() {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        String coupleId = couple.path("id");
        String partner1 = couple.path("partners[0].id");
        String id = assign(coupleId, Map.of("exerciseId", seeded("Mindful breathing"), "startsOn",
                today().minusDays(2).toString())).path("id");
        String completions = path(coupleId) + "/" + id + "/completions";
        String own = asIntegration().body(Map.of("partnerId", partner1, "date", today().toString())).post(completions)
                .then().statusCode(201).extract().path("id");
        asIntegration().body(Map.of("reason", "Tapped by accident")).post(completions + "/" + own + "/entered-in-error")
                .then().statusCode(200).body("enteredInError.at", org.hamcrest.Matchers.notNullValue())
                .body("enteredInError.reason", nullValue());
    }

    @Test
    void identicalLogsRacingCreateOneCompletion() throws Exception {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        String coupleId = couple.path("id");
        String id = assign(coupleId, Map.of("exerciseId", seeded("Mindful breathing"),
                "startsOn", today().minusDays(1).toString())).path("id");
        Map<String, Object> body = Map.of("partnerId", couple.path("partners[0].id"), "date", today().toString());
        String token = org.tandem.testsupport.Tokens.of("therapist1");
        int racers = 16;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(racers);
        var start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Response>> results = new java.util.ArrayList<>();
        for (int i = 0; i < racers; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return io.restassured.RestAssured.given().auth().oauth2(token).contentType("application/json")
                        .body(body).post(path(coupleId) + "/" + id + "/completions").then().extract().response();
            }));
        }
        start.countDown();
        List<Response> responses = new java.util.ArrayList<>();
        for (var r : results) {
            responses.add(r.get(60, java.util.concurrent.TimeUnit.SECONDS));
        }
        pool.shutdown();
        List<Integer> statuses = responses.stream().map(Response::statusCode).toList();
        org.junit.jupiter.api.Assertions.assertEquals(1, statuses.stream().filter(s -> s == 201).count(), "" + statuses);
        org.junit.jupiter.api.Assertions.assertEquals(racers - 1, statuses.stream().filter(s -> s == 200).count(),
                "" + statuses);
        org.junit.jupiter.api.Assertions.assertEquals(1,
                responses.stream().map(r -> (String) r.path("id")).distinct().count());
        as("therapist1").get(path(coupleId) + "/" + id + "/completions").then().body("$", hasSize(1));
    }

    @Test
    void reflectionsArePrivateToTheirPartnerUnlessShared() {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        String coupleId = couple.path("id");
        String p1 = couple.path("partners[0].id");
        String p2 = couple.path("partners[1].id");
        String id = assign(coupleId, Map.of("exerciseId", seeded("Daily couple check-in"),
                "startsOn", today().minusDays(3).toString())).path("id");
        log(coupleId, id, p1, today().minusDays(1), "Private thought", false);
        log(coupleId, id, p2, today().minusDays(1), "Shared thought", true);

        String completions = path(coupleId) + "/" + id + "/completions";
        as("therapist1").get(completions).then().statusCode(200)
                .body("find { it.partnerId == '" + p1 + "' }.reflection", equalTo("Private thought"));
        String mine = "/api/v1/me/assignments/" + id + "/completions";
        Partners.as("therapist1", coupleId, p2).get(mine).then().statusCode(200)
                .body("find { it.partnerId == '" + p1 + "' }.reflection", nullValue())
                .body("find { it.partnerId == '" + p2 + "' }.reflection", equalTo("Shared thought"));
        Partners.as("therapist1", coupleId, p1).get(mine).then().statusCode(200)
                .body("find { it.partnerId == '" + p1 + "' }.reflection", equalTo("Private thought"))
                .body("find { it.partnerId == '" + p2 + "' }.reflection", equalTo("Shared thought"));
        as("admin1").get(completions).then().statusCode(200).body("reflection", equalTo(java.util.Arrays.asList(null, null)));
    }

    @Test
    void pausedDaysAreNotDue() {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        String coupleId = couple.path("id");
        Response assignment = assign(coupleId, Map.of("exerciseId", seeded("Trigger and urge log"),
                "partnerId", couple.path("partners[0].id"), "startsOn", today().minusDays(9).toString()));
        String id = assignment.path("id");
        Response paused = as("therapist1").header("If-Match", assignment.header("ETag"))
                .body(Map.of("status", "PAUSED")).post(path(coupleId) + "/" + id + "/status").then().statusCode(200)
                .body("status", equalTo("PAUSED")).body("pauses", hasSize(1)).extract().response();
        as("therapist1").queryParam("from", today().minusDays(9).toString()).queryParam("to", today().toString())
                .get(path(coupleId) + "/" + id + "/adherence").then()
                .body("partners", hasSize(1)).body("partners[0].due", equalTo(9));
        as("therapist1").header("If-Match", paused.header("ETag")).body(Map.of("status", "CANCELLED"))
                .post(path(coupleId) + "/" + id + "/status").then().statusCode(200);
        as("therapist1").body(Map.of("partnerId", couple.path("partners[0].id"), "date", today().toString()))
                .post(path(coupleId) + "/" + id + "/completions").then().statusCode(409);
    }

    @Test
    void aClinicsIntegrationLogsForAPartnerAndSeesWhatThatPartnerMay() {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        String coupleId = couple.path("id");
        String p1 = couple.path("partners[0].id");
        String p2 = couple.path("partners[1].id");
        String id = assign(coupleId, Map.of("exerciseId", seeded("Daily couple check-in"),
                "startsOn", today().minusDays(3).toString())).path("id");
        String completions = path(coupleId) + "/" + id + "/completions";
        asIntegration().body(Map.of("partnerId", p1, "date", today().toString(), "reflection", "Mine, private",
                "rating", 5)).post(completions).then().statusCode(201);
        log(coupleId, id, p2, today(), "Theirs, private", false);

        // The clinic-wide integration acts for neither partner: it sees that completions exist, no reflection.
        asIntegration().get(completions).then().statusCode(200)
                .body("find { it.partnerId == '" + p1 + "' }.reflection", nullValue())
                .body("find { it.partnerId == '" + p2 + "' }.reflection", nullValue());
        // The integration never reaches another clinic's couple, nor anything but completions.
        Response elsewhere = Api.createCouple("therapist9", Api.coupleBody(unique()));
        asIntegration().get(path(elsewhere.path("id")) + "/" + id + "/completions")
                .then().statusCode(404);
        asIntegration().get(path(coupleId) + "/" + id).then().statusCode(403);
        asIntegration().get(path(coupleId) + "/" + id + "/adherence").then().statusCode(403);
        // Without exercises:write / exercises:read (the read-only client), neither logging nor reading.
        Api.asReadOnlyIntegration().body(Map.of("partnerId", p1, "date", today().toString()))
                .post(completions).then().statusCode(403).body("scope", equalTo("exercises:write"));
        Api.asReadOnlyIntegration().get(completions).then().statusCode(403)
                .body("type", equalTo("/problems/insufficient-scope")).body("scope", equalTo("exercises:read"));
        as("admin1").queryParam("recordType", "assignment").queryParam("recordId", id).get("/api/v1/audit-events")
                .then().body("items.find { it.action == 'assignment.completion' && it.roles == 'integration' }"
                        + ".clientId", equalTo("clinic-integration"));
    }

    @Test
    void badInputIsRefused() {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        String coupleId = couple.path("id");
        String exercise = seeded("Physical exercise");
        as("therapist1").body(Map.of("exerciseId", exercise, "startsOn", "2031-02-30")).post(path(coupleId)).then()
                .statusCode(400).body("field", equalTo("startsOn"));
        as("therapist1").body(Map.of("exerciseId", exercise, "startsOn", "2031-02-10", "endsOn", "2031-02-01"))
                .post(path(coupleId)).then().statusCode(400).body("violations[0].field", equalTo("endsOn"));
        as("therapist9").queryParam("size", 1).get("/api/v1/exercises").then().statusCode(200);
        String otherClinicsExercise = as("therapist9").queryParam("size", 1).get("/api/v1/exercises").then().extract()
                .path("items[0].id");
        as("therapist1").body(Map.of("exerciseId", otherClinicsExercise, "startsOn", "2031-02-10")).post(path(coupleId))
                .then().statusCode(400).body("violations[0].field", equalTo("exerciseId"));
        String id = assign(coupleId, Map.of("exerciseId", exercise, "startsOn", today().minusDays(2).toString()))
                .path("id");
        String completions = path(coupleId) + "/" + id + "/completions";
        String p1 = couple.path("partners[0].id");
        as("therapist1").body(Map.of("partnerId", p1, "date", today().plusDays(1).toString())).post(completions).then()
                .statusCode(400).body("violations[0].message", equalTo("must not be in the future"));
        as("therapist1").body(Map.of("partnerId", p1, "date", today().minusDays(5).toString())).post(completions).then()
                .statusCode(400).body("violations[0].field", equalTo("date"));
        as("therapist1").body(Map.of("partnerId", p1, "date", today().toString(), "rating", 6)).post(completions).then()
                .statusCode(400).body("violations[0].field", equalTo("rating"));
        as("therapist1").body(Map.of("partnerId", java.util.UUID.randomUUID().toString(), "date", today().toString()))
                .post(completions).then().statusCode(400).body("violations[0].field", equalTo("partnerId"));
        as("therapist1").queryParam("from", "yesterday").get(path(coupleId) + "/" + id + "/adherence").then()
                .statusCode(400).body("violations[0].field", equalTo("from"));
    }

    @Test
    void assignmentsFollowTheRoleMatrix() {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        String coupleId = couple.path("id");
        Response assignment = assign(coupleId, Map.of("exerciseId", seeded("A creative outlet"),
                "startsOn", today().toString()));
        String id = assignment.path("id");
        String base = path(coupleId);
        Map<String, Object> completion = Map.of("partnerId", couple.path("partners[0].id"), "date", today().toString());
        anonymous().get(base).then().statusCode(401);
        anonymous().body(Map.of()).post(base).then().statusCode(401);
        anonymous().get(base + "/" + id).then().statusCode(401);
        anonymous().body(completion).post(base + "/" + id + "/completions").then().statusCode(401);
        anonymous().get(base + "/" + id + "/adherence").then().statusCode(401);
        anonymous().get(base + "/" + id + "/completions").then().statusCode(401);
        anonymous().body(Map.of("status", "PAUSED")).post(base + "/" + id + "/status").then().statusCode(401);
        asIntegration().body(Map.of("exerciseId", seeded("A creative outlet"), "startsOn", today().toString()))
                .post(base).then().statusCode(403);
        asIntegration().header("If-Match", assignment.header("ETag")).body(Map.of("status", "PAUSED"))
                .post(base + "/" + id + "/status").then().statusCode(403);
        asIntegration().get(base).then().statusCode(403);
        asIntegration().get(base + "/" + id).then().statusCode(403);
        as("admin1").body(completion).post(base + "/" + id + "/completions").then().statusCode(403);
        for (String outsider : List.of("therapist2", "therapist9", "admin9")) {
            as(outsider).get(base).then().statusCode(404);
            as(outsider).get(base + "/" + id).then().statusCode(404);
            as(outsider).get(base + "/" + id + "/completions").then().statusCode(404);
            as(outsider).get(base + "/" + id + "/adherence").then().statusCode(404);
            as(outsider).header("If-Match", assignment.header("ETag")).body(Map.of("status", "PAUSED"))
                    .post(base + "/" + id + "/status").then().statusCode(404);
        }
        as("therapist2").body(completion).post(base + "/" + id + "/completions").then().statusCode(404);
        as("admin1").get(base + "/" + id + "/adherence").then().statusCode(200);
        as("admin1").queryParam("recordType", "assignment").queryParam("recordId", id).get("/api/v1/audit-events")
                .then().body("items.action", org.hamcrest.Matchers.hasItem("assignment.create"));
    }

    private static void log(String coupleId, String id, String partner, LocalDate day, String reflection,
            boolean shared) {
        as("therapist1").body(Map.of("partnerId", partner, "date", day.toString(), "reflection", reflection,
                "shared", shared)).post(path(coupleId) + "/" + id + "/completions").then().statusCode(201);
    }

    private static Response assign(String coupleId, Map<String, Object> body) {
        return as("therapist1").body(body).post(path(coupleId)).then().statusCode(201).extract().response();
    }

    private static String seeded(String title) {
        return as("therapist1").queryParam("size", 100).get("/api/v1/exercises").then().statusCode(200).extract()
                .path("items.find { it.current.title == '" + title + "' }.id");
    }

    private static LocalDate today() {
        return LocalDate.now(BERLIN);
    }

    private static String path(String coupleId) {
        return "/api/v1/couples/" + coupleId + "/assignments";
    }
}
