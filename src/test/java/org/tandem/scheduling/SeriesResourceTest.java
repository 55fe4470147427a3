package org.tandem.scheduling;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tandem.testsupport.Bookings.book;
import static org.tandem.testsupport.Bookings.session;
import static org.tandem.testsupport.Api.anonymous;
import static org.tandem.testsupport.Api.as;
import static org.tandem.testsupport.Api.asIntegration;
import static org.tandem.testsupport.Api.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tandem.testsupport.Api;
import org.tandem.testsupport.Slots;

@QuarkusTest
class SeriesResourceTest {

    private static final String SERIES = "/api/v1/session-series";
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Inject
    SeriesService seriesService;

    @Test
    void aWeeklySeriesBooksEachOccurrenceAtTheSameTime() {
        LocalDate monday = Slots.window();
        String coupleId = Api.createCouple("therapist1", unique());
        Response created = create("therapist1", series(coupleId, monday + "T09:00", Map.of("count", 4)));
        created.then()
                .body("occurrences", hasSize(4))
                .body("intervalWeeks", equalTo(1))
                .body("count", equalTo(4))
                .body("openEnded", equalTo(false))
                .body("occurrences.seriesIndex", equalTo(List.of(0, 1, 2, 3)))
                .body("occurrences.localStart", equalTo(List.of(local(monday, "09:00"),
                        local(monday.plusWeeks(1), "09:00"), local(monday.plusWeeks(2), "09:00"),
                        local(monday.plusWeeks(3), "09:00"))));
        as("therapist1").get("/api/v1/couples/" + coupleId + "/sessions").then().body("totalItems", equalTo(4));
    }

    @Test
    void everyOtherWeekUntilADate() {
        LocalDate monday = Slots.window();
        String coupleId = Api.createCouple("therapist1", unique());
        create("therapist1", series(coupleId, monday + "T10:00",
                Map.of("intervalWeeks", 2, "until", monday.plusWeeks(6).toString()))).then()
                .body("occurrences.localStart", equalTo(List.of(local(monday, "10:00"),
                        local(monday.plusWeeks(2), "10:00"), local(monday.plusWeeks(4), "10:00"),
                        local(monday.plusWeeks(6), "10:00"))));
    }

    @Test
    void occurrencesKeepTheirLocalTimeAcrossADaylightSavingChange() {
        Instant springForward = BERLIN.getRules().nextTransition(Instant.parse("2046-01-01T00:00:00Z")).getInstant();
        LocalDate first = springForward.atZone(BERLIN).toLocalDate().minusWeeks(2);
        String coupleId = Api.createCouple("therapist1", unique());
        create("therapist1", series(coupleId, first + "T18:00", Map.of("count", 4))).then()
                .body("occurrences.localStart", equalTo(List.of(first + "T18:00:00+01:00",
                        first.plusWeeks(1) + "T18:00:00+01:00", first.plusWeeks(2) + "T18:00:00+02:00",
                        first.plusWeeks(3) + "T18:00:00+02:00")))
                .body("occurrences.start", equalTo(List.of(first + "T17:00:00Z", first.plusWeeks(1) + "T17:00:00Z",
                        first.plusWeeks(2) + "T16:00:00Z", first.plusWeeks(3) + "T16:00:00Z")));
    }

    @Test
    void aClashFailsTheWholeSeriesAndListsIt() {
        LocalDate monday = Slots.window();
        String blocker = book("therapist1", session(Api.createCouple("therapist1", unique()),
                monday.plusWeeks(2) + "T11:30", monday.plusWeeks(2) + "T12:30")).path("id");
        String coupleId = Api.createCouple("therapist1", unique());
        as("therapist1").body(series(coupleId, monday + "T11:00", Map.of("count", 5))).post(SERIES).then()
                .statusCode(409)
                .body("type", equalTo("/problems/schedule-conflict"))
                .body("clashes", hasSize(1))
                .body("clashes[0].index", equalTo(2))
                .body("clashes[0].conflictingSessionId", equalTo(blocker));
        as("therapist1").get("/api/v1/couples/" + coupleId + "/sessions").then().body("totalItems", equalTo(0));

        // Asked to skip, it books the others and says which one it skipped.
        Map<String, Object> skip = series(coupleId, monday + "T11:00", Map.of("count", 5));
        skip.put("onConflict", "SKIP");
        create("therapist1", skip).then()
                .body("occurrences.seriesIndex", equalTo(List.of(0, 1, 3, 4)))
                .body("skipped", hasSize(1))
                .body("skipped[0].index", equalTo(2))
                .body("skipped[0].conflictingSessionId", equalTo(blocker));
    }

    @Test
    void anOpenEndedSeriesRollsForwardWithoutDuplicates() {
        LocalDate start = LocalDate.now(BERLIN).plusDays(1);
        String coupleId = Api.createCouple("therapist2", unique());
        Response created = create("therapist2", series(coupleId, start + "T06:00", Map.of()));
        int initial = created.path("occurrences.size()");
        created.then().body("openEnded", equalTo(true));
        // Twelve weeks ahead: twelve or thirteen weekly occurrences, depending on the time of day.
        org.junit.jupiter.api.Assertions.assertTrue(initial >= 12 && initial <= 13, "occurrences: " + initial);

        Instant later = Instant.now().plus(20 * 7, ChronoUnit.DAYS);
        seriesService.extendOpenSeries(later);
        seriesService.extendOpenSeries(later);
        as("therapist2").get(SERIES + "/" + created.path("id")).then().statusCode(200)
                .body("occurrences.size()", org.hamcrest.Matchers.greaterThanOrEqualTo(20))
                .body("occurrences.size()", org.hamcrest.Matchers.lessThanOrEqualTo(21));
        List<Integer> indexes = as("therapist2").get(SERIES + "/" + created.path("id")).then().extract()
                .path("occurrences.seriesIndex");
        for (int i = 0; i < indexes.size(); i++) {
            assertEquals(i, indexes.get(i));
        }
    }

    @Test
    void cancellingThisAndFollowingEndsTheSeries() {
        LocalDate monday = Slots.window();
        String coupleId = Api.createCouple("therapist1", unique());
        Response created = create("therapist1", series(coupleId, monday + "T13:00", Map.of("count", 5)));
        String third = created.path("occurrences[2].id");
        as("therapist1").header("If-Match", created.header("ETag"))
                .body(Map.of("fromSessionId", third, "cancelledBy", "CLIENT", "reason", "Moving away"))
                .post(SERIES + "/" + created.path("id") + "/cancel-following").then().statusCode(200)
                .body("ended", equalTo(true))
                .body("occurrences.status", equalTo(List.of("SCHEDULED", "SCHEDULED", "CANCELLED", "CANCELLED",
                        "CANCELLED")))
                .body("occurrences[4].cancellation.cancelledBy", equalTo("CLIENT"));
    }

    @Test
    void movingThisAndFollowingSplitsTheSeriesAndLosesNoOccurrence() {
        LocalDate monday = Slots.window();
        String coupleId = Api.createCouple("therapist1", unique());
        Response created = create("therapist1", series(coupleId, monday + "T15:00", Map.of("count", 6)));
        List<String> ids = created.path("occurrences.id");
        Response split = as("therapist1").header("If-Match", created.header("ETag"))
                .body(Map.of("fromSessionId", ids.get(3), "newStartTime", "16:30", "durationMinutes", 45))
                .post(SERIES + "/" + created.path("id") + "/change-following").then().statusCode(200)
                .extract().response();
        split.then()
                .body("occurrences.id", equalTo(ids.subList(3, 6)))
                .body("occurrences.localStart", equalTo(List.of(local(monday.plusWeeks(3), "16:30"),
                        local(monday.plusWeeks(4), "16:30"), local(monday.plusWeeks(5), "16:30"))))
                .body("occurrences[0].reschedules", hasSize(1))
                .body("count", equalTo(3));
        as("therapist1").get(SERIES + "/" + created.path("id")).then()
                .body("ended", equalTo(true))
                .body("occurrences.id", equalTo(ids.subList(0, 3)))
                .body("occurrences[2].localStart", equalTo(local(monday.plusWeeks(2), "15:00")));
        as("therapist1").get("/api/v1/couples/" + coupleId + "/sessions").then().body("totalItems", equalTo(6));
    }

    @Test
    void aMoveThatWouldClashChangesNothing() {
        LocalDate monday = Slots.window();
        String coupleId = Api.createCouple("therapist1", unique());
        Response created = create("therapist1", series(coupleId, monday + "T08:00", Map.of("count", 3)));
        book("therapist1", session(Api.createCouple("therapist1", unique()), monday.plusWeeks(2) + "T17:00",
                monday.plusWeeks(2) + "T17:50"));
        as("therapist1").header("If-Match", created.header("ETag"))
                .body(Map.of("fromSessionId", created.path("occurrences[0].id"), "newStartTime", "17:00"))
                .post(SERIES + "/" + created.path("id") + "/change-following").then().statusCode(409)
                .body("clashes[0].index", equalTo(2));
        as("therapist1").get(SERIES + "/" + created.path("id")).then()
                .body("ended", equalTo(false))
                .body("occurrences.localStart", everyItem(org.hamcrest.Matchers.containsString("T08:00:00")));
    }

    @Test
    void concurrentSeriesForOneTherapistNeitherDeadlockNorDoubleBook() throws Exception {
        LocalDate monday = Slots.window();
        int racers = 6;
        List<String> couples = new java.util.ArrayList<>();
        for (int i = 0; i < racers; i++) {
            couples.add(Api.createCouple("therapist1", unique()));
        }
        String token = org.tandem.testsupport.Tokens.of("therapist1");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(racers);
        var start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
        for (String coupleId : couples) {
            Map<String, Object> body = series(coupleId, monday + "T14:00", Map.of("count", 3));
            results.add(pool.submit(() -> {
                start.await();
                return io.restassured.RestAssured.given().auth().oauth2(token).contentType("application/json")
                        .body(body).post(SERIES).statusCode();
            }));
        }
        start.countDown();
        List<Integer> statuses = new java.util.ArrayList<>();
        for (var result : results) {
            statuses.add(result.get(120, java.util.concurrent.TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), "statuses: " + statuses);
        assertEquals(racers - 1, statuses.stream().filter(s -> s == 409).count(), "statuses: " + statuses);
    }

    @Test
    void seriesInputIsChecked() {
        LocalDate monday = Slots.window();
        String coupleId = Api.createCouple("therapist1", unique());
        expectInvalid(series(coupleId, monday + "T09:00", Map.of("count", 3, "until", monday.plusWeeks(3).toString())), "count");
        expectInvalid(series(coupleId, monday + "T09:00", Map.of("until", monday.minusDays(1).toString())), "until");
        expectInvalid(series(coupleId, monday + "T09:00", Map.of("until", monday.plusYears(3).toString())), "until");
        expectInvalid(series(coupleId, monday + "T09:00", Map.of("count", 105)), "count");
        expectInvalid(series(coupleId, monday + "T09:00", Map.of("intervalWeeks", 0, "count", 2)), "intervalWeeks");
        Map<String, Object> zero = series(coupleId, monday + "T09:00", Map.of("count", 2));
        zero.put("durationMinutes", 0);
        expectInvalid(zero, "durationMinutes");
        Map<String, Object> policy = series(coupleId, monday + "T09:00", Map.of("count", 2));
        policy.put("onConflict", "IGNORE");
        as("therapist1").body(policy).post(SERIES).then().statusCode(400).body("field", equalTo("onConflict"));
    }

    @Test
    void seriesFollowTheRoleMatrix() {
        LocalDate monday = Slots.window();
        String coupleId = Api.createCouple("therapist1", unique());
        Response created = create("therapist1", series(coupleId, monday + "T07:00", Map.of("count", 2)));
        String path = SERIES + "/" + created.path("id");
        anonymous().body(Map.of()).post(SERIES).then().statusCode(401);
        anonymous().get(path).then().statusCode(401);
        anonymous().body(Map.of()).post(path + "/cancel-following").then().statusCode(401);
        anonymous().body(Map.of()).post(path + "/change-following").then().statusCode(401);
        asIntegration().body(series(coupleId, monday + "T07:00", Map.of("count", 2))).post(SERIES).then().statusCode(403);
        asIntegration().get(path).then().statusCode(403);
        asIntegration().header("If-Match", "\"0\"").body(Map.of()).post(path + "/cancel-following").then().statusCode(403);
        asIntegration().header("If-Match", "\"0\"").body(Map.of()).post(path + "/change-following").then().statusCode(403);
        Map<String, Object> cancel = Map.of("fromSessionId", created.path("occurrences[0].id"), "cancelledBy", "CLINIC");
        for (String outsider : List.of("therapist2", "admin9")) {
            as(outsider).get(path).then().statusCode(404);
            as(outsider).header("If-Match", created.header("ETag")).body(cancel).post(path + "/cancel-following")
                    .then().statusCode(404);
            as(outsider).header("If-Match", created.header("ETag"))
                    .body(Map.of("fromSessionId", created.path("occurrences[0].id"), "newStartTime", "08:00"))
                    .post(path + "/change-following").then().statusCode(404);
            as(outsider).body(series(coupleId, monday.plusWeeks(5) + "T07:00", Map.of("count", 1))).post(SERIES).then()
                    .statusCode(404);
        }
        as("admin1").get(path).then().statusCode(200);
        as("therapist1").body(cancel).post(path + "/cancel-following").then().statusCode(428);
    }

    /** How the API shows a wall-clock time on a date in the clinic's zone, e.g. 2040-07-30T09:00:00+02:00. */
    private static String local(LocalDate date, String time) {
        return java.time.ZonedDateTime.of(date, java.time.LocalTime.parse(time), BERLIN)
                .format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    static Map<String, Object> series(String coupleId, String firstStart, Map<String, Object> end) {
        Map<String, Object> body = new HashMap<>(end);
        body.put("coupleId", coupleId);
        body.put("kind", "JOINT");
        body.put("modality", "TELEHEALTH");
        body.put("videoLink", "https://video.example/room-1");
        body.put("firstStart", firstStart);
        body.put("durationMinutes", 50);
        return body;
    }

    private static Response create(String user, Map<String, Object> body) {
        return as(user).body(body).post(SERIES).then().statusCode(201).extract().response();
    }

    private static void expectInvalid(Map<String, Object> body, String field) {
        as("therapist1").body(body).post(SERIES).then().statusCode(400).body("violations.field", org.hamcrest.Matchers.hasItem(field));
    }
}
