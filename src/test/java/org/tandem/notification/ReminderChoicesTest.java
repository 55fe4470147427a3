package org.tandem.notification;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tandem.notification.NotificationTest.couple;
import static org.tandem.notification.NotificationTest.mailTo;
import static org.tandem.testsupport.Api.anonymous;
import static org.tandem.testsupport.Api.as;
import static org.tandem.testsupport.Api.asIntegration;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tandem.exercise.Cadence;
import org.tandem.notification.NotificationTest.Couple;
import org.tandem.testsupport.Bookings;
import org.tandem.testsupport.Partners;
import org.tandem.testsupport.Slots;

/**
 * Who decides when reminders go: the clinic's default, a partner's own choice, a therapist's own choices; and the
 * homework nudges that follow each assignment's cadence. Through the API, the real database and the real SMTP
 * server.
 */
@QuarkusTest
class ReminderChoicesTest {

    private static final String CLINIC = "/api/v1/clinic";
    private static final String MINE = "/api/v1/me/notification-preferences";
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Inject
    NotificationSender sender;

    @Inject
    NotificationPlanner planner;

    /** The other clinic (New York), whose settings no other notification test reads. */
    private static String setClinicReminders(List<String> reminders) {
        Response before = as("admin9").get(CLINIC).then().statusCode(200).extract().response();
        Map<String, Object> body = new HashMap<>();
        body.put("name", before.path("name"));
        body.put("timeZone", before.path("timeZone"));
        body.put("lateCancelHours", before.path("lateCancelHours"));
        body.put("reminders", reminders);
        return as("admin9").header("If-Match", before.header("ETag")).body(body).put(CLINIC).then().statusCode(200)
                .body("reminders", equalTo(reminders)).extract().header("ETag");
    }

    private static JsonPath log(String sessionId) {
        return as("admin9").queryParam("sessionId", sessionId).get("/api/v1/notifications").then().statusCode(200)
                .extract().jsonPath();
    }

    private static List<String> pendingReminders(String sessionId, String partnerId) {
        return log(sessionId).getList("findAll { it.kind == 'SESSION_REMINDER' && it.status == 'PENDING'"
                + " && it.partnerId == '" + partnerId + "' }.dueAt", String.class).stream().sorted().toList();
    }

    private static Instant newYork(LocalDate day, String time) {
        return day.atTime(LocalTime.parse(time)).atZone(NEW_YORK).toInstant();
    }

    @Test
    void theClinicsDefaultAndAPartnersOwnChoiceDecideWhenRemindersGo() throws Exception {
        try {
            setClinicReminders(List.of("PT3H"));
            Couple c = couple("therapist9");
            LocalDate day = Slots.anyDay();
            Response session = Bookings.book("therapist9", Bookings.session(c.id(), day + "T10:00",
                    day + "T10:50"));
            String id = session.path("id");
            Instant start = Instant.parse(session.path("start"));
            assertEquals(newYork(day, "10:00"), start, "booked in the clinic's zone");
            assertEquals(List.of(start.minus(Duration.ofHours(3)).toString()), pendingReminders(id, c.kitId()),
                    "the clinic's default, not the deployment's two");
            assertEquals(List.of(start.minus(Duration.ofHours(3)).toString()), pendingReminders(id, c.leeId()));

            // Kit chooses their own: the pending reminder follows, Lee's stays with the clinic.
            Partners.as("therapist9", c.id(), c.kitId()).get(MINE).then().statusCode(200)
                    .body("reminderOffsets", nullValue()).body("effectiveReminderOffsets", equalTo(List.of("PT3H")));
            Partners.as("therapist9", c.id(), c.kitId()).header("If-Match", "\"0\"").body(Map.of("email", true,
                    "reminders", true, "sms", true, "reminderOffsets", List.of("PT1H", "P2D"))).put(MINE).then()
                    .statusCode(200).body("reminderOffsets", equalTo(List.of("P2D", "PT1H")))
                    .body("effectiveReminderOffsets", equalTo(List.of("P2D", "PT1H")));
            assertEquals(List.of(newYork(day.minusDays(2), "10:00").toString(), start.minusSeconds(3600).toString()),
                    pendingReminders(id, c.kitId()), "two days before at the same local time, and an hour before");
            assertEquals(1, log(id).getList("findAll { it.partnerId == '" + c.kitId()
                    + "' && it.status == 'WITHDRAWN' }").size(), "the clinic's reminder withdrawn, not sent");

            // The clinic changes its default: Lee's pending reminders follow, Kit's own choice stays.
            setClinicReminders(List.of("P1D"));
            assertEquals(List.of(newYork(day.minusDays(1), "10:00").toString()), pendingReminders(id, c.leeId()));
            assertEquals(2, pendingReminders(id, c.kitId()).size());

            sender.sendDue(start.minusSeconds(3540));
            assertEquals(3, mailTo(c.kit()).size(), "the notice and Kit's own two reminders");
            assertEquals(2, mailTo(c.lee()).size(), "the notice and the clinic's one reminder");
            assertEquals(List.of(), pendingReminders(id, c.kitId()));
        } finally {
            setClinicReminders(null);
        }
        as("admin9").get(CLINIC).then().body("reminders", nullValue());
    }

    @Test
    void remindersThatAreNotRightAreFieldErrorsAndChangeNothing() {
        String etag = as("admin9").get(CLINIC).then().extract().header("ETag");
        for (List<String> bad : List.of(List.of("PT5M"), List.of("P1D", "PT24H"), List.of("soon"), List.of("P30D"),
                List.of("P1D", "P2D", "P3D", "P4D", "P5D"))) {
            as("admin9").header("If-Match", etag).body(Map.of("name", "X", "timeZone", "UTC", "lateCancelHours", 24,
                    "reminders", bad)).put(CLINIC).then().statusCode(400)
                    .body("type", equalTo("/problems/validation")).body("violations[0].field", equalTo("reminders"));
        }
        as("admin9").get(CLINIC).then().header("ETag", equalTo(etag));

        Couple c = couple("therapist9");
        Partners.as("therapist9", c.id(), c.kitId()).header("If-Match", "\"0\"").body(Map.of("email", true,
                "reminders", true, "sms", true, "reminderOffsets", List.of("PT10M"))).put(MINE).then().statusCode(400)
                .body("violations[0].field", equalTo("reminderOffsets"));
        Partners.as("therapist9", c.id(), c.kitId()).get(MINE).then().statusCode(200).header("ETag", "\"0\"");
        as("therapist9").header("If-Match", "\"0\"").body(Map.of("email", true, "reminders", true, "sms", true,
                "reminderOffsets", List.of("P1D"))).put(MINE).then().statusCode(400)
                .body("violations[0].field", equalTo("reminderOffsets"));
    }

    /** A therapist's own choices: no agenda when they turn routine notes off, and their quiet hours hold. */
    @Test
    void aTherapistChoosesTheirOwnMessages() throws Exception {
        String etag = as("therapist9").get(MINE).then().statusCode(200).body("email", equalTo(true))
                .body("effectiveReminderOffsets", nullValue()).extract().header("ETag");
        as("admin9").get(MINE).then().statusCode(403);
        asIntegration().get(MINE).then().statusCode(403);
        anonymous().get(MINE).then().statusCode(401);
        try {
            etag = as("therapist9").header("If-Match", etag).body(Map.of("email", true, "reminders", false, "sms",
                    false)).put(MINE).then().statusCode(200).body("reminders", equalTo(false)).extract()
                    .header("ETag");
            Couple c = couple("therapist9");
            LocalDate day = Slots.anyDay();
            Bookings.book("therapist9", Bookings.session(c.id(), day + "T11:00", day + "T11:50"));
            LocalDate next = Slots.anyDay();
            Bookings.book("therapist9", Bookings.session(c.id(), next + "T11:00", next + "T11:50"));
            String address = "therapist9@demo.tandem.invalid";
            int before = mailTo(address).size();

            planner.plan(newYork(day, "07:05"));
            sender.sendDue(newYork(day, "07:06"));
            assertEquals(before, mailTo(address).size(), "no agenda while routine notes are off");
            assertEquals("opted-out", agenda(newYork(day, "07:05")).get("lastError"));

            as("therapist9").header("If-Match", etag).body(Map.of("email", true, "reminders", true, "sms", false,
                    "quietHours", Map.of("from", "06:00", "until", "08:00"))).put(MINE).then().statusCode(200)
                    .extract().header("ETag");
            planner.plan(newYork(next, "07:05"));
            sender.sendDue(newYork(next, "07:06"));
            assertEquals(before, mailTo(address).size(), "not in the quiet hours");
            assertEquals("PENDING", agenda(newYork(next, "07:05")).get("status"));
            sender.sendDue(newYork(next, "08:00:30"));
            List<MimeMessage> mail = mailTo(address);
            assertEquals(before + 1, mail.size(), "the agenda when the quiet hours end");
            assertTrue(GreenMailUtil.getBody(mail.get(mail.size() - 1)).contains("You have 1 session today"));
        } finally {
            String current = as("therapist9").get(MINE).then().extract().header("ETag");
            as("therapist9").header("If-Match", current).body(Map.of("email", true, "reminders", true, "sms", true))
                    .put(MINE).then().statusCode(200);
        }
    }

    private static String therapist9() {
        return org.tandem.testsupport.Api.therapistId("admin9", "therapist9");
    }

    /** Therapist 9's agenda planned at {@code plannedAt}, from the delivery log. */
    private static Map<String, Object> agenda(Instant plannedAt) {
        List<Map<String, Object>> rows = as("admin9").queryParam("kind", "AGENDA_DIGEST").get("/api/v1/notifications")
                .then().statusCode(200).extract().jsonPath().getList("findAll { it.therapistId == '" + therapist9()
                        + "' && it.dueAt == '" + plannedAt + "' }");
        assertEquals(1, rows.size(), "one agenda for the day: " + rows);
        return rows.get(0);
    }

    @Test
    void homeworkIsNudgedInTheEveningByItsCadenceAndOnce() throws Exception {
        Couple c = couple("therapist1");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        String exerciseId = as("therapist1").queryParam("size", 1).get("/api/v1/exercises").then().statusCode(200)
                .extract().path("items[0].id");
        String assignment = as("therapist1").body(Map.of("exerciseId", exerciseId, "cadence", "DAILY",
                "startsOn", today.minusDays(3).toString())).post("/api/v1/couples/" + c.id() + "/assignments")
                .then().statusCode(201).extract().path("id");
        as("therapist1").body(Map.of("partnerId", c.kitId(), "date", today.toString()))
                .post("/api/v1/couples/" + c.id() + "/assignments/" + assignment + "/completions").then()
                .statusCode(201);

        planner.plan(NotificationTest.berlin(today, "17:55"));
        assertEquals(List.of(), nudges(assignment), "not before the evening");
        planner.plan(NotificationTest.berlin(today, "18:05"));
        planner.plan(NotificationTest.berlin(today, "18:10"));
        assertEquals(List.of(c.leeId()), nudges(assignment), "Lee, once; Kit did it today");

        sender.sendDue(NotificationTest.berlin(today, "18:11"));
        List<MimeMessage> lee = mailTo(c.lee());
        assertEquals(1, lee.size());
        assertEquals("A reminder of your exercise", lee.get(0).getSubject());
        String text = GreenMailUtil.getBody(lee.get(0));
        assertTrue(text.contains("/assignments/" + assignment), text);
        String title = as("therapist1").get("/api/v1/exercises/" + exerciseId).then().statusCode(200).extract()
                .path("current.title");
        assertFalse(text.contains(title), "never which exercise: " + text);
        assertEquals(0, mailTo(c.kit()).size());
    }

    /** A partner who keeps daily check-ins and has not written today's is reminded once in the evening. */
    @Test
    void aMissedCheckInIsRemindedOnceInTheEvening() throws Exception {
        Couple c = couple("therapist1");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        Map<String, Object> fanos = Map.of("feelings", "Tired", "shared", false);
        // Both keep check-ins (yesterday's); Lee has written today's already.
        for (String partner : List.of(c.kitId(), c.leeId())) {
            org.tandem.testsupport.Partners.as("therapist1", c.id(), partner).header("If-Match", "\"0\"")
                    .body(fanos).put("/api/v1/me/check-ins/" + today.minusDays(1)).then().statusCode(200);
        }
        org.tandem.testsupport.Partners.as("therapist1", c.id(), c.leeId()).header("If-Match", "\"0\"")
                .body(fanos).put("/api/v1/me/check-ins/" + today).then().statusCode(200);

        planner.plan(NotificationTest.berlin(today, "19:55"));
        assertEquals(List.of(), checkInReminders(c), "not before 20:00");
        planner.plan(NotificationTest.berlin(today, "20:05"));
        planner.plan(NotificationTest.berlin(today, "20:10"));
        assertEquals(List.of(c.kitId()), checkInReminders(c), "Kit, once; Lee wrote today's");

        sender.sendDue(NotificationTest.berlin(today, "20:11"));
        List<MimeMessage> kit = mailTo(c.kit());
        assertEquals(1, kit.size());
        assertEquals("Today's check-in", kit.get(0).getSubject());
        String text = GreenMailUtil.getBody(kit.get(0));
        assertTrue(text.contains("/check-ins") && !text.contains("Tired"), text);
        assertEquals(0, mailTo(c.lee()).size());
    }

    private static List<String> checkInReminders(Couple c) {
        return as("admin1").queryParam("kind", "CHECK_IN_REMINDER").get("/api/v1/notifications").then()
                .statusCode(200).extract().jsonPath().getList("findAll { it.coupleId == '" + c.id() + "' }.partnerId",
                        String.class);
    }

    private static List<String> nudges(String assignment) {
        return as("admin1").get("/api/v1/notifications").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.kind == 'HOMEWORK_NUDGE' && it.assignmentId == '" + assignment
                        + "' }.partnerId", String.class);
    }

    /** The cadence rule itself, day by day: when there is still time, and not after it is done. */
    @Test
    void aNudgeComesWhenTheCadenceIsAboutToBeMissed() {
        LocalDate monday = LocalDate.of(2031, 3, 3);
        Cadence weekly = Cadence.of(Cadence.Kind.WEEKLY, null);
        assertNull(NotificationPlanner.nudgePeriod(weekly, monday.minusWeeks(1), null, monday.plusDays(4), 0, 0, 0),
                "Friday: the week still has three days for one exercise");
        assertEquals(monday.toString(), NotificationPlanner.nudgePeriod(weekly, monday.minusWeeks(1), null,
                monday.plusDays(5), 0, 0, 0), "Saturday: one day to spare");
        assertNull(NotificationPlanner.nudgePeriod(weekly, monday.minusWeeks(1), null, monday.plusDays(5), 0, 1, 1),
                "done this week");
        Cadence thrice = Cadence.of(Cadence.Kind.TIMES_PER_WEEK, 3);
        assertNull(NotificationPlanner.nudgePeriod(thrice, monday, null, monday.plusDays(2), 0, 0, 0));
        assertEquals(monday.toString(), NotificationPlanner.nudgePeriod(thrice, monday, null, monday.plusDays(3), 0,
                0, 0), "Thursday with three to do: four days left");
        assertNull(NotificationPlanner.nudgePeriod(thrice, monday, null, monday.plusDays(4), 0, 2, 2),
                "Friday with one left: three days left");
        assertEquals(monday.toString(), NotificationPlanner.nudgePeriod(thrice, monday, null, monday.plusDays(5), 0,
                2, 2), "Saturday with one left: two days left");
        assertEquals("once", NotificationPlanner.nudgePeriod(Cadence.of(Cadence.Kind.ONCE, null), monday, null,
                monday.plusDays(2), 0, 0, 0));
        assertNull(NotificationPlanner.nudgePeriod(Cadence.of(Cadence.Kind.ONCE, null), monday, null,
                monday.plusDays(1), 0, 0, 0));
        assertNull(NotificationPlanner.nudgePeriod(Cadence.of(Cadence.Kind.ONCE, null), monday, null,
                monday.plusDays(9), 0, 0, 1), "done once");
        assertEquals(monday.plusDays(1).toString(), NotificationPlanner.nudgePeriod(Cadence.of(Cadence.Kind.DAILY,
                null), monday, null, monday.plusDays(1), 0, 1, 1));
    }
}
