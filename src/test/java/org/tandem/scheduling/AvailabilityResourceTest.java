package org.tandem.scheduling;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.tandem.testsupport.Bookings.book;
import static org.tandem.testsupport.Bookings.session;
import static org.tandem.testsupport.Api.anonymous;
import static org.tandem.testsupport.Api.as;
import static org.tandem.testsupport.Api.asIntegration;
import static org.tandem.testsupport.Api.unique;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tandem.testsupport.Api;
import org.tandem.testsupport.Slots;

@QuarkusTest
class AvailabilityResourceTest {

    private static final List<Map<String, String>> WEEK = List.of(
            Map.of("day", "MONDAY", "start", "09:00", "end", "12:00"),
            Map.of("day", "MONDAY", "start", "13:00", "end", "17:00"),
            Map.of("day", "TUESDAY", "start", "09:00", "end", "17:00"),
            Map.of("day", "WEDNESDAY", "start", "09:00", "end", "17:00"),
            Map.of("day", "THURSDAY", "start", "09:00", "end", "17:00"),
            Map.of("day", "FRIDAY", "start", "09:00", "end", "13:00"));

    @Test
    void freeSlotsAreWorkingHoursMinusSessions() {
        String therapist1 = Api.therapistId("admin1", "therapist1");
        setHours("therapist1", therapist1);
        LocalDate day = Slots.day();
        while (day.getDayOfWeek() != java.time.DayOfWeek.MONDAY) {
            day = Slots.day();
        }
        book("therapist1", session(Api.createCouple("therapist1", unique()), day + "T10:00", day + "T10:50"));
        as("therapist2").queryParam("from", day.toString()).queryParam("to", day.toString())
                .get(path(therapist1) + "/free-slots").then().statusCode(200)
                .body("localStart", equalTo(List.of(day + "T09:00:00+01:00", day + "T10:50:00+01:00",
                        day + "T13:00:00+01:00")))
                .body("localEnd", equalTo(List.of(day + "T10:00:00+01:00", day + "T12:00:00+01:00",
                        day + "T17:00:00+01:00")));
        // A 70-minute window does not fit between 10:50 and 12:00.
        as("therapist1").queryParam("from", day.toString()).queryParam("to", day.toString()).queryParam("minutes", 75)
                .get(path(therapist1) + "/free-slots").then().statusCode(200)
                .body("localStart", equalTo(List.of(day + "T13:00:00+01:00")));
    }

    @Test
    void workingHoursFollowTheClinicsZoneAcrossDaylightSaving() {
        String therapist1 = Api.therapistId("admin1", "therapist1");
        setHours("therapist1", therapist1);
        // 2047-03-29 and 2047-04-01 are the Friday before and the Monday after Berlin's clocks go forward.
        as("admin1").queryParam("from", "2047-03-29").queryParam("to", "2047-04-01")
                .get(path(therapist1) + "/free-slots").then().statusCode(200)
                .body("start[0]", equalTo("2047-03-29T08:00:00Z"))
                .body("start[1]", equalTo("2047-04-01T07:00:00Z"));
    }

    @Test
    void onlyTheTherapistOrAnAdminSetsWorkingHours() {
        String therapist2 = Api.therapistId("admin1", "therapist2");
        as("therapist1").body(Map.of("blocks", WEEK)).put(path(therapist2) + "/working-hours").then().statusCode(403);
        setHours("admin1", therapist2);
        as("therapist1").get(path(therapist2) + "/working-hours").then().statusCode(200).body("$", hasSize(6))
                .body("[0].day", equalTo("MONDAY")).body("[0].start", equalTo("09:00"));
    }

    @Test
    void badBlocksAreRejected() {
        String therapist1 = Api.therapistId("admin1", "therapist1");
        List<Map<String, String>> overlapping = List.of(Map.of("day", "MONDAY", "start", "09:00", "end", "12:00"),
                Map.of("day", "MONDAY", "start", "11:00", "end", "13:00"));
        as("therapist1").body(Map.of("blocks", overlapping)).put(path(therapist1) + "/working-hours").then()
                .statusCode(400).body("violations[0].field", equalTo("blocks[1]"));
        as("therapist1").body(Map.of("blocks", List.of(Map.of("day", "MONDAY", "start", "12:00", "end", "09:00"))))
                .put(path(therapist1) + "/working-hours").then().statusCode(400)
                .body("violations[0].field", equalTo("blocks[0].end"));
        as("therapist1").body(Map.of("blocks", List.of(Map.of("day", "FUNDAY", "start", "09:00", "end", "10:00"))))
                .put(path(therapist1) + "/working-hours").then().statusCode(400);
        as("therapist1").body(Map.of("blocks", List.of(Map.of("day", "MONDAY", "start", "9am", "end", "10:00"))))
                .put(path(therapist1) + "/working-hours").then().statusCode(400)
                .body("violations[0].field", equalTo("blocks[0].start"));
    }

    @Test
    void freeSlotQueriesAreChecked() {
        String therapist1 = Api.therapistId("admin1", "therapist1");
        String slots = path(therapist1) + "/free-slots";
        as("admin1").queryParam("to", "2031-01-01").get(slots).then().statusCode(400)
                .body("violations[0].field", equalTo("from"));
        as("admin1").queryParam("from", "2031-01-10").queryParam("to", "2031-01-01").get(slots).then()
                .statusCode(400).body("violations[0].field", equalTo("to"));
        as("admin1").queryParam("from", "2031-01-01").queryParam("to", "2031-03-01").get(slots).then()
                .statusCode(400).body("violations[0].field", equalTo("to"));
        as("admin1").queryParam("from", "01/02/2031").queryParam("to", "2031-01-01").get(slots).then()
                .statusCode(400).body("violations[0].field", equalTo("from"));
        as("admin1").queryParam("from", "2031-01-01").queryParam("to", "2031-01-01").queryParam("minutes", 5)
                .get(slots).then().statusCode(400).body("violations[0].field", equalTo("minutes"));
    }

    @Test
    void availabilityFollowsTheRoleMatrix() {
        String therapist1 = Api.therapistId("admin1", "therapist1");
        anonymous().get(path(therapist1) + "/working-hours").then().statusCode(401);
        anonymous().body(Map.of("blocks", WEEK)).put(path(therapist1) + "/working-hours").then().statusCode(401);
        anonymous().get(path(therapist1) + "/free-slots").then().statusCode(401);
        asIntegration().get(path(therapist1) + "/working-hours").then().statusCode(403);
        asIntegration().body(Map.of("blocks", WEEK)).put(path(therapist1) + "/working-hours").then().statusCode(403);
        asIntegration().queryParam("from", "2031-01-01").queryParam("to", "2031-01-02")
                .get(path(therapist1) + "/free-slots").then().statusCode(403);
        for (String outsider : List.of("therapist9", "admin9")) {
            as(outsider).get(path(therapist1) + "/working-hours").then().statusCode(404);
            as(outsider).body(Map.of("blocks", WEEK)).put(path(therapist1) + "/working-hours").then().statusCode(404);
            as(outsider).queryParam("from", "2031-01-01").queryParam("to", "2031-01-02")
                    .get(path(therapist1) + "/free-slots").then().statusCode(404);
        }
    }

    private static void setHours(String user, String therapistId) {
        as(user).body(Map.of("blocks", WEEK)).put(path(therapistId) + "/working-hours").then().statusCode(200)
                .body("$", hasSize(6));
    }

    private static String path(String therapistId) {
        return "/api/v1/therapists/" + therapistId;
    }
}
