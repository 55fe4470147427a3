package org.tandem.scheduling;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tandem.testsupport.Api.anonymous;
import static org.tandem.testsupport.Api.as;
import static org.tandem.testsupport.Api.asIntegration;
import static org.tandem.testsupport.Api.unique;
import static org.tandem.testsupport.Bookings.book;
import static org.tandem.testsupport.Bookings.coupleWithBothTherapists;
import static org.tandem.testsupport.Bookings.session;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.tandem.testsupport.Api;
import org.tandem.testsupport.Bookings;
import org.tandem.testsupport.Slots;
import org.tandem.testsupport.Tokens;

/** Booking and running sessions through HTTP, real tokens, real database. The demo clinic is in Europe/Berlin. */
@QuarkusTest
class SessionResourceTest {

    static final String SESSIONS = Bookings.SESSIONS;

    // ---- booking ------------------------------------------------------------------------------------------------

    @Test
    void therapistBooksAJointSessionWithOffsetTimes() {
        String marker = unique();
        Response couple = Api.createCouple("therapist1", Api.coupleBody(marker));
        LocalDate day = Slots.day();
        Response created = book("therapist1", session(couple.path("id"), day + "T10:00:00+01:00", day + "T10:50:00+01:00"));
        created.then()
                .header("ETag", equalTo("\"0\""))
                .header("Location", containsString(SESSIONS + "/" + created.path("id")))
                .body("start", equalTo(day + "T09:00:00Z"))
                .body("end", equalTo(day + "T09:50:00Z"))
                .body("localStart", equalTo(day + "T10:00:00+01:00"))
                .body("timeZone", equalTo("Europe/Berlin"))
                .body("status", equalTo("SCHEDULED"))
                .body("kind", equalTo("JOINT"))
                .body("coupleCode", equalTo(couple.path("code")))
                .body("therapist.displayName", equalTo("Dana Therapist"))
                .body("partnerId", nullValue())
                .body("cancellation", nullValue());
        as("therapist1").get(SESSIONS + "/" + created.path("id")).then().statusCode(200)
                .body("modality", equalTo("IN_PERSON"));
    }

    @Test
    void timesWithoutAnOffsetAreTheClinicsLocalTime() {
        String coupleId = Api.createCouple("therapist1", unique());
        LocalDate summer = LocalDate.of(2031, 7, 14).plusDays(Slots.day().getDayOfYear() % 5);
        book("therapist1", session(coupleId, summer + "T10:00", summer + "T10:50")).then()
                .body("start", equalTo(summer + "T08:00:00Z"))
                .body("localStart", equalTo(summer + "T10:00:00+02:00"));
    }

    @Test
    void individualSessionsNeedAPartnerOfTheCouple() {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        LocalDate day = Slots.day();
        Map<String, Object> body = session(couple.path("id"), day + "T11:00", day + "T11:50");
        body.put("kind", "INDIVIDUAL");
        as("therapist1").body(body).post(SESSIONS).then().statusCode(400)
                .body("violations[0].field", equalTo("partnerId"));
        body.put("partnerId", Api.createCouple("therapist1", Api.coupleBody(unique())).path("partners[0].id"));
        as("therapist1").body(body).post(SESSIONS).then().statusCode(400)
                .body("violations[0].message", equalTo("is not a partner of this couple"));
        body.put("partnerId", couple.path("partners[1].id"));
        book("therapist1", body).then().body("partnerId", equalTo(couple.path("partners[1].id")));

        Map<String, Object> joint = session(couple.path("id"), day + "T13:00", day + "T13:50");
        joint.put("partnerId", couple.path("partners[0].id"));
        as("therapist1").body(joint).post(SESSIONS).then().statusCode(400)
                .body("violations[0].field", equalTo("partnerId"));
    }

    @Test
    void badTimesAreFieldErrors() {
        String coupleId = Api.createCouple("therapist1", unique());
        LocalDate day = Slots.day();
        expectInvalid(session(coupleId, day + "T11:00", day + "T10:00"), "end", "must be after the start");
        expectInvalid(session(coupleId, day + "T11:00", day + "T11:00"), "end", "must be after the start");
        expectInvalid(session(coupleId, day + "T08:00", day + "T16:01"), "end", "a session lasts at most 8 hours");
        expectInvalid(session(coupleId, day + "T11:00:00+25:00", day + "T12:00"), "start", null);
        expectInvalid(session(coupleId, "next tuesday", day + "T12:00"), "start", null);
        expectInvalid(session(coupleId, day + "T25:00", day + "T26:00"), "start", null);
        // 02:30 on the night clocks go forward does not exist in Berlin.
        expectInvalid(session(coupleId, "2031-03-30T02:30", "2031-03-30T03:30"), "start",
                "does not exist in the clinic's time zone (daylight-saving change)");
        Map<String, Object> link = session(coupleId, day + "T11:00", day + "T12:00");
        link.put("modality", "TELEHEALTH");
        link.put("videoLink", "http://insecure.example/room");
        expectInvalid(link, "videoLink", "must be an https URL");
    }

    @Test
    void unknownEnumsAndMissingFieldsAre400() {
        String coupleId = Api.createCouple("therapist1", unique());
        LocalDate day = Slots.day();
        Map<String, Object> body = session(coupleId, day + "T11:00", day + "T12:00");
        body.put("kind", "GROUP");
        as("therapist1").body(body).post(SESSIONS).then().statusCode(400).body("field", equalTo("kind"))
                .body(not(containsString("GROUP")));
        body.put("kind", "JOINT");
        body.remove("coupleId");
        as("therapist1").body(body).post(SESSIONS).then().statusCode(400)
                .body("violations.field", hasItem("coupleId"));
        as("therapist1").body("{\"coupleId\": ").post(SESSIONS).then().statusCode(400)
                .body("type", equalTo("/problems/malformed-json"));
    }

    @Test
    void adminsNameTheTherapistWhoMustBeAssigned() {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        LocalDate day = Slots.day();
        Map<String, Object> body = session(couple.path("id"), day + "T09:00", day + "T09:50");
        as("admin1").body(body).post(SESSIONS).then().statusCode(400).body("violations[0].field", equalTo("therapistId"));
        body.put("therapistId", Api.therapistId("admin1", "therapist2"));
        as("admin1").body(body).post(SESSIONS).then().statusCode(400)
                .body("violations[0].message", equalTo("is not assigned to this couple"));
        body.put("therapistId", Api.therapistId("admin1", "therapist1"));
        book("admin1", body).then().body("therapist.displayName", equalTo("Dana Therapist"));
    }

    @Test
    void aDischargedCoupleIsNotScheduled() {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        as("therapist1").header("If-Match", couple.header("ETag")).body(Map.of("status", "DISCHARGED"))
                .post("/api/v1/couples/" + couple.path("id") + "/status").then().statusCode(200);
        LocalDate day = Slots.day();
        as("therapist1").body(session(couple.path("id"), day + "T09:00", day + "T09:50")).post(SESSIONS).then()
                .statusCode(409).body("type", equalTo("/problems/couple-discharged"));
    }

    // ---- no double booking --------------------------------------------------------------------------------------

    @Test
    void aTherapistIsNeverDoubleBooked() {
        LocalDate day = Slots.day();
        String first = book("therapist1", session(Api.createCouple("therapist1", unique()), day + "T14:00",
                day + "T14:50")).path("id");
        String other = Api.createCouple("therapist1", unique());
        as("therapist1").body(session(other, day + "T14:30", day + "T15:20")).post(SESSIONS).then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/schedule-conflict"))
                .body("conflictingSessionId", equalTo(first))
                .body("detail", equalTo("The therapist already has a session at that time."));
        // Back to back is fine: the end is exclusive.
        book("therapist1", session(other, day + "T14:50", day + "T15:40"));
    }

    @Test
    void aPartnerIsNeverInTwoSessionsAtOnce() {
        Response couple = coupleWithBothTherapists();
        String coupleId = couple.path("id");
        LocalDate day = Slots.day();
        String joint = book("therapist1", session(coupleId, day + "T16:00", day + "T16:50")).path("id");

        Map<String, Object> individual = session(coupleId, day + "T16:00", day + "T16:50");
        individual.put("kind", "INDIVIDUAL");
        individual.put("partnerId", couple.path("partners[0].id"));
        as("therapist2").body(individual).post(SESSIONS).then().statusCode(409)
                .body("conflictingSessionId", equalTo(joint))
                .body("detail", equalTo("A partner already has a session at that time."));

        // Each partner alone with a different therapist at the same time is fine.
        individual.put("start", day + "T18:00");
        individual.put("end", day + "T18:50");
        book("therapist2", individual);
        Map<String, Object> otherPartner = new HashMap<>(individual);
        otherPartner.put("partnerId", couple.path("partners[1].id"));
        book("therapist1", otherPartner);
        Map<String, Object> samePartner = new HashMap<>(individual);
        as("therapist1").body(samePartner).post(SESSIONS).then().statusCode(409);
    }

    @Test
    void manyRequestsRacingForOneSlotBookItExactlyOnce() throws Exception {
        LocalDate day = Slots.day();
        int racers = 12;
        List<String> couples = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            couples.add(Api.createCouple("therapist1", unique()));
        }
        String token = Tokens.of("therapist1");
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> results = new ArrayList<>();
        for (String coupleId : couples) {
            Map<String, Object> body = session(coupleId, day + "T12:00", day + "T12:50");
            results.add(pool.submit(() -> {
                start.await();
                return io.restassured.RestAssured.given().auth().oauth2(token).contentType("application/json")
                        .body(body).post(SESSIONS).then().extract().response();
            }));
        }
        start.countDown();
        List<Response> responses = new ArrayList<>();
        for (Future<Response> result : results) {
            responses.add(result.get(120, TimeUnit.SECONDS));
        }
        pool.shutdown();
        List<Integer> statuses = responses.stream().map(Response::statusCode).toList();
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), "statuses: " + statuses);
        assertEquals(racers - 1, statuses.stream().filter(s -> s == 409).count(), "statuses: " + statuses);
        String winner = responses.stream().filter(r -> r.statusCode() == 201).findFirst().orElseThrow().path("id");
        responses.stream().filter(r -> r.statusCode() == 409)
                .forEach(r -> assertEquals(winner, r.path("conflictingSessionId")));
        as("admin1").queryParam("therapistId", Api.therapistId("admin1", "therapist1"))
                .queryParam("from", day + "T11:00:00Z").queryParam("to", day + "T13:00:00Z")
                .get(SESSIONS).then().statusCode(200).body("totalItems", equalTo(1));
    }

    @Test
    void aCancelledSessionFreesItsSlot() {
        LocalDate day = Slots.day();
        String coupleId = Api.createCouple("therapist1", unique());
        Response first = book("therapist1", session(coupleId, day + "T08:00", day + "T08:50"));
        cancel(first, "CLIENT", "Sick").then().statusCode(200);
        book("therapist1", session(coupleId, day + "T08:00", day + "T08:50"));
    }

    // ---- lifecycle ----------------------------------------------------------------------------------------------

    @Test
    void aSessionIsCompletedOrMissedOnlyOnceItHasStarted() {
        String coupleId = Api.createCouple("therapist1", unique());
        LocalDate day = Slots.day();
        Response future = book("therapist1", session(coupleId, day + "T07:00", day + "T07:50"));
        action(future, "complete").then().statusCode(409).body("type", equalTo("/problems/invalid-session-transition"));
        action(future, "no-show").then().statusCode(409);

        Instant start = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        Response past = book("therapist1", session(coupleId, start.toString(), start.plus(50, ChronoUnit.MINUTES).toString()));
        Response done = action(past, "complete");
        done.then().statusCode(200).body("status", equalTo("COMPLETED")).body("version", equalTo(1));
        action(done, "complete").then().statusCode(409);
        cancel(done, "CLIENT", null).then().statusCode(409);

        Instant earlier = start.minus(1, ChronoUnit.DAYS);
        Response missed = book("therapist1", session(coupleId, earlier.toString(), earlier.plus(50, ChronoUnit.MINUTES).toString()));
        action(missed, "no-show").then().statusCode(200).body("status", equalTo("NO_SHOW"));
    }

    @Test
    void aCancellationInsideTheWindowIsLate() {
        String coupleId = Api.createCouple("therapist1", unique());
        Instant soon = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        Response late = book("therapist1", session(coupleId, soon.toString(), soon.plus(50, ChronoUnit.MINUTES).toString()));
        cancel(late, "CLIENT", "Car broke down").then().statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("cancellation.cancelledBy", equalTo("CLIENT"))
                .body("cancellation.reason", equalTo("Car broke down"))
                .body("cancellation.late", equalTo(true));

        LocalDate day = Slots.day();
        Response early = book("therapist1", session(coupleId, day + "T09:00", day + "T09:50"));
        cancel(early, "THERAPIST", null).then().statusCode(200).body("cancellation.late", equalTo(false));
    }

    @Test
    void cancellationNeedsAKnownCanceller() {
        LocalDate day = Slots.day();
        Response session = book("therapist1", session(Api.createCouple("therapist1", unique()), day + "T09:00",
                day + "T09:50"));
        as("therapist1").header("If-Match", session.header("ETag")).body(Map.of("cancelledBy", "PARTNER"))
                .post(SESSIONS + "/" + session.path("id") + "/cancel").then().statusCode(400)
                .body("field", equalTo("cancelledBy"));
        as("therapist1").header("If-Match", session.header("ETag")).body(Map.of("reason", "x".repeat(501)))
                .post(SESSIONS + "/" + session.path("id") + "/cancel").then().statusCode(400)
                .body("violations.field", hasItem("cancelledBy"))
                .body("violations.field", hasItem("reason"));
    }

    @Test
    void reschedulingMovesTheSessionAndKeepsItsHistory() {
        String coupleId = Api.createCouple("therapist1", unique());
        LocalDate day = Slots.day();
        Response session = book("therapist1", session(coupleId, day + "T10:00", day + "T10:50"));
        Response blocker = book("therapist1", session(Api.createCouple("therapist1", unique()), day + "T15:00",
                day + "T15:50"));

        reschedule(session, day + "T15:20", day + "T16:10").then().statusCode(409)
                .body("conflictingSessionId", equalTo(blocker.path("id")));
        reschedule(session, day + "T17:00", day + "T16:00").then().statusCode(400);
        Response moved = reschedule(session, day + "T16:00", day + "T16:50");
        moved.then().statusCode(200)
                .body("localStart", equalTo(day + "T16:00:00+01:00"))
                .body("reschedules", hasSize(1))
                .body("reschedules[0].previousStart", equalTo(day + "T09:00:00Z"))
                .body("reschedules[0].newStart", equalTo(day + "T15:00:00Z"))
                .body("reschedules[0].changedBy", equalTo(Api.THERAPIST1_SUB));
        // The old slot is free again.
        book("therapist1", session(coupleId, day + "T10:00", day + "T10:50"));
        // Moving it onto itself (overlapping its own time) is not a clash.
        reschedule(moved, day + "T16:10", day + "T17:00").then().statusCode(200).body("reschedules", hasSize(2));
    }

    @Test
    void writesNeedTheCurrentVersion() {
        LocalDate day = Slots.day();
        Response session = book("therapist1", session(Api.createCouple("therapist1", unique()), day + "T10:00",
                day + "T10:50"));
        String path = SESSIONS + "/" + session.path("id") + "/cancel";
        as("therapist1").body(Map.of("cancelledBy", "CLINIC")).post(path).then().statusCode(428);
        as("therapist1").header("If-Match", "\"7\"").body(Map.of("cancelledBy", "CLINIC")).post(path).then()
                .statusCode(412);
        as("therapist1").get(SESSIONS + "/" + session.path("id")).then().body("status", equalTo("SCHEDULED"));
    }

    // ---- who may see what ---------------------------------------------------------------------------------------

    @Test
    void everySessionEndpointNeedsAToken() {
        anonymous().get(SESSIONS).then().statusCode(401);
        anonymous().body(Map.of()).post(SESSIONS).then().statusCode(401);
        String id = java.util.UUID.randomUUID().toString();
        anonymous().get(SESSIONS + "/" + id).then().statusCode(401);
        anonymous().accept("text/calendar").get(SESSIONS + "/" + id + ".ics").then().statusCode(401);
        for (String action : List.of("reschedule", "cancel", "complete", "no-show")) {
            anonymous().body(Map.of()).post(SESSIONS + "/" + id + "/" + action).then().statusCode(401);
        }
        anonymous().get("/api/v1/couples/" + id + "/sessions").then().statusCode(401);
    }

    @Test
    void integrationsScheduleWithTheirScopesOnly() {
        LocalDate day = Slots.day();
        String coupleId = Api.createCouple("therapist1", unique());
        String therapist1 = Api.therapistId("admin1", "therapist1");
        Map<String, Object> body = session(coupleId, day + "T10:00", day + "T10:50");
        body.put("therapistId", therapist1);
        // schedule:write books (like an admin, naming an assigned therapist), moves and cancels.
        Response session = asIntegration().body(body).post(SESSIONS).then().statusCode(201).extract().response();
        String id = session.path("id");
        asIntegration().queryParam("coupleId", coupleId).get(SESSIONS).then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.contains(id));
        asIntegration().get(SESSIONS + "/" + id).then().statusCode(200).body("status", equalTo("SCHEDULED"));
        Response moved = asIntegration().header("If-Match", session.header("ETag"))
                .body(Map.of("start", day + "T11:00", "end", day + "T11:50")).post(SESSIONS + "/" + id + "/reschedule")
                .then().statusCode(200).extract().response();
        asIntegration().header("If-Match", moved.header("ETag")).body(Map.of("cancelledBy", "CLIENT"))
                .post(SESSIONS + "/" + id + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));
        // schedule:read alone reads but does not book.
        Api.asReadOnlyIntegration().get(SESSIONS + "/" + id).then().statusCode(200);
        body.put("start", day + "T12:00");
        body.put("end", day + "T12:50");
        Api.asReadOnlyIntegration().body(body).post(SESSIONS).then().statusCode(403)
                .body("type", equalTo("/problems/insufficient-scope")).body("scope", equalTo("schedule:write"));
        // Another clinic's session does not exist for the integration.
        Response elsewhere = book("therapist9", session(Api.createCouple("therapist9", unique()), day + "T10:00",
                day + "T10:50"));
        asIntegration().get(SESSIONS + "/" + elsewhere.path("id")).then().statusCode(404);
        // Clinical events and calendar files stay with the clinicians.
        asIntegration().accept("text/calendar").get(SESSIONS + "/" + id + ".ics").then().statusCode(403);
        for (String action : List.of("complete", "no-show")) {
            asIntegration().header("If-Match", "\"0\"").body(Map.of()).post(SESSIONS + "/" + id + "/" + action)
                    .then().statusCode(403);
        }
        asIntegration().get("/api/v1/couples/" + session.path("coupleId") + "/sessions").then().statusCode(403);
    }

    @Test
    void anotherTherapistsOrClinicsSessionIsNotFound() {
        LocalDate day = Slots.day();
        String coupleId = Api.createCouple("therapist1", unique());
        Response session = book("therapist1", session(coupleId, day + "T10:00", day + "T10:50"));
        String id = session.path("id");
        for (String outsider : List.of("therapist2", "therapist9", "admin9")) {
            as(outsider).get(SESSIONS + "/" + id).then().statusCode(404);
            as(outsider).accept("text/calendar").get(SESSIONS + "/" + id + ".ics").then().statusCode(404);
            for (String action : List.of("complete", "no-show")) {
                as(outsider).header("If-Match", session.header("ETag")).post(SESSIONS + "/" + id + "/" + action)
                        .then().statusCode(404);
            }
            as(outsider).header("If-Match", session.header("ETag")).body(Map.of("cancelledBy", "CLINIC"))
                    .post(SESSIONS + "/" + id + "/cancel").then().statusCode(404);
            as(outsider).header("If-Match", session.header("ETag"))
                    .body(Map.of("start", day + "T11:00", "end", day + "T11:50"))
                    .post(SESSIONS + "/" + id + "/reschedule").then().statusCode(404);
            as(outsider).get("/api/v1/couples/" + coupleId + "/sessions").then().statusCode(404);
            as(outsider).queryParam("coupleId", coupleId).get(SESSIONS).then().statusCode(200)
                    .body("totalItems", equalTo(0));
        }
        // Booking for someone else's couple: the couple is not found either.
        as("therapist9").body(session(coupleId, day + "T19:00", day + "T19:50")).post(SESSIONS).then().statusCode(404);
        as("admin1").get(SESSIONS + "/" + id).then().statusCode(200);
    }

    // ---- lists and downloads ------------------------------------------------------------------------------------

    @Test
    void aCouplesSessionsAndTheAgendaAreListedInOrder() {
        LocalDate day = Slots.day();
        String coupleId = Api.createCouple("therapist1", unique());
        String late = book("therapist1", session(coupleId, day + "T17:00", day + "T17:50")).path("id");
        String early = book("therapist1", session(coupleId, day + "T07:00", day + "T07:50")).path("id");
        Response cancelled = book("therapist1", session(coupleId, day + "T12:00", day + "T12:50"));
        cancel(cancelled, "CLINIC", null);

        as("therapist1").get("/api/v1/couples/" + coupleId + "/sessions").then().statusCode(200)
                .body("items.id", equalTo(List.of(early, cancelled.path("id"), late)));
        as("therapist1").queryParam("status", "SCHEDULED").get("/api/v1/couples/" + coupleId + "/sessions").then()
                .body("items.id", equalTo(List.of(early, late)));
        as("therapist1").queryParam("therapistId", Api.therapistId("admin1", "therapist1"))
                .queryParam("from", day + "T06:00:00Z").queryParam("to", day + "T08:00:00Z")
                .queryParam("kind", "JOINT").get(SESSIONS).then().statusCode(200)
                .body("items.id", hasItem(early)).body("items.id", not(hasItem(late)));
    }

    @Test
    void theListShowsEachSessionAsItsOwnReadDoes() {
        LocalDate day = Slots.day();
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        String coupleId = couple.path("id");
        Response moved = book("therapist1", session(coupleId, day + "T07:00", day + "T07:50"));
        reschedule(reschedule(moved, day + "T08:00", day + "T08:50"), day + "T09:00", day + "T09:50").then()
                .statusCode(200);
        cancel(book("therapist1", session(coupleId, day + "T11:00", day + "T11:50")), "CLIENT", "Ill").then()
                .statusCode(200);
        Map<String, Object> individual = session(coupleId, day + "T13:00", day + "T13:50");
        individual.put("kind", "INDIVIDUAL");
        individual.put("partnerId", couple.path("partners[1].id"));
        book("therapist1", individual);

        List<Map<String, Object>> listed = as("therapist1").get("/api/v1/couples/" + coupleId + "/sessions").then()
                .statusCode(200).extract().jsonPath().getList("items");
        assertEquals(3, listed.size());
        for (Map<String, Object> item : listed) {
            Map<String, Object> own = as("therapist1").get(SESSIONS + "/" + item.get("id")).then().statusCode(200)
                    .extract().jsonPath().getMap("$");
            assertEquals(own, item);
        }
        assertEquals(2, ((List<?>) listed.get(0).get("reschedules")).size());
        assertEquals("Ill", ((Map<?, ?>) listed.get(1).get("cancellation")).get("reason"));
        assertEquals(couple.path("partners[1].id"), listed.get(2).get("partnerId"));
    }

    @Test
    void listParametersAreChecked() {
        Map.of("from", "monday", "status", "DONE", "kind", "GROUP", "therapistId", "x", "coupleId", "y", "size", "0")
                .forEach((param, value) -> as("admin1").queryParam(param, value).get(SESSIONS).then()
                        .statusCode(400).body("violations[0].field", equalTo(param)));
        as("admin1").queryParam("from", "2031-01-01T00:00:00Z").queryParam("to", "2033-01-01T00:00:00Z")
                .get(SESSIONS).then().statusCode(400).body("violations[0].field", equalTo("to"));
    }

    @Test
    void aSessionDownloadsAsICalendarWithoutNames() {
        String marker = unique();
        Response couple = Api.createCouple("therapist1", Api.coupleBody(marker));
        LocalDate day = Slots.day();
        Response session = book("therapist1", session(couple.path("id"), day + "T10:00", day + "T10:50"));
        String ics = as("therapist1").accept("text/calendar").get(SESSIONS + "/" + session.path("id") + ".ics")
                .then().statusCode(200).contentType(containsString("text/calendar")).extract().asString();
        org.hamcrest.MatcherAssert.assertThat(ics, containsString("BEGIN:VCALENDAR"));
        org.hamcrest.MatcherAssert.assertThat(ics, containsString("UID:" + session.path("id") + "@tandem"));
        // 10:00 in the clinic's zone, in UTC: 09:00 in winter, 08:00 in summer (the test's day depends on the run).
        String start = java.time.ZonedDateTime.of(day, java.time.LocalTime.of(10, 0), java.time.ZoneId.of("Europe/Berlin"))
                .withZoneSameInstant(java.time.ZoneOffset.UTC).format(java.time.format.DateTimeFormatter.ofPattern(
                        "yyyyMMdd'T'HHmmss'Z'"));
        org.hamcrest.MatcherAssert.assertThat(ics, containsString("DTSTART:" + start));
        org.hamcrest.MatcherAssert.assertThat(ics, containsString("SUMMARY:" + couple.path("code") + " · Joint session"));
        org.hamcrest.MatcherAssert.assertThat(ics, not(containsString(marker)));
        org.hamcrest.MatcherAssert.assertThat(ics, not(containsString("Kit")));
    }

    @Test
    void bookingsAreAudited() {
        LocalDate day = Slots.day();
        String id = book("therapist1", session(Api.createCouple("therapist1", unique()), day + "T10:00",
                day + "T10:50")).path("id");
        as("therapist2").get(SESSIONS + "/" + id).then().statusCode(404);
        as("admin1").queryParam("recordType", "session").queryParam("recordId", id).get("/api/v1/audit-events")
                .then().statusCode(200)
                .body("items.action", hasItem("session.create"))
                .body("items.outcome", hasItem("NOT_FOUND"));
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static Response action(Response session, String action) {
        return as("therapist1").header("If-Match", session.header("ETag"))
                .post(SESSIONS + "/" + session.path("id") + "/" + action).then().extract().response();
    }

    private static Response cancel(Response session, String by, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("cancelledBy", by);
        if (reason != null) {
            body.put("reason", reason);
        }
        return as("therapist1").header("If-Match", session.header("ETag")).body(body)
                .post(SESSIONS + "/" + session.path("id") + "/cancel").then().extract().response();
    }

    private static Response reschedule(Response session, String start, String end) {
        return as("therapist1").header("If-Match", session.header("ETag")).body(Map.of("start", start, "end", end))
                .post(SESSIONS + "/" + session.path("id") + "/reschedule").then().extract().response();
    }

    private static void expectInvalid(Map<String, Object> body, String field, String message) {
        var response = as("therapist1").body(body).post(SESSIONS).then().statusCode(400)
                .body("violations[0].field", equalTo(field));
        if (message != null) {
            response.body("violations[0].message", equalTo(message));
        }
    }
}
