package org.tandem.notification;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tandem.testsupport.Api.anonymous;
import static org.tandem.testsupport.Api.as;
import static org.tandem.testsupport.Api.asIntegration;
import static org.tandem.testsupport.Api.unique;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.tandem.testsupport.Bookings;
import org.tandem.testsupport.Partners;
import org.tandem.testsupport.Slots;
import org.tandem.testsupport.TandemServices;

/**
 * Reminders and notices end to end: booked through the API, sent by the sender to the real SMTP server the tests
 * run (GreenMail), read back as delivered, and listed in the admins' delivery log.
 */
@QuarkusTest
class NotificationTest {

    @Inject
    NotificationSender sender;

    @Inject
    NotificationPlanner planner;

    @Inject
    org.tandem.scheduling.SeriesService series;

    /** A couple whose partners have addresses of their own, so this test reads only its own mail. */
    record Couple(String id, String kitId, String leeId, String kit, String lee) {
    }

    static Couple couple(String therapist) {
        String u = unique();
        String kit = "kit-" + u + "@example.invalid";
        String lee = "lee-" + u + "@example.invalid";
        Map<String, Object> body = Map.of("partners", List.of(
                Map.of("fullName", "Kit " + u, "email", kit, "recoveryRole", "IN_RECOVERY"),
                Map.of("fullName", "Lee " + u, "email", lee, "recoveryRole", "PARTNER")),
                "careStartedOn", "2026-02-01");
        Response created = as(therapist).body(body).post("/api/v1/couples").then().statusCode(201).extract()
                .response();
        return new Couple(created.path("id"), created.path("partners[0].id"), created.path("partners[1].id"), kit,
                lee);
    }

    static List<MimeMessage> mailTo(String address) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : TandemServices.mail().getReceivedMessages()) {
            if (m.getRecipients(Message.RecipientType.TO)[0].toString().equals(address)) {
                found.add(m);
            }
        }
        return found;
    }

    static JsonPath log(String sessionId) {
        return as("admin1").queryParam("sessionId", sessionId).get("/api/v1/notifications").then().statusCode(200)
                .extract().jsonPath();
    }

    /** One message's delivery history, as its steps "OUTCOME CHANNEL reason" (what each has). */
    static List<String> history(String notificationId) {
        JsonPath history = as("admin1").get("/api/v1/notifications/" + notificationId + "/history").then()
                .statusCode(200).body("message.id", equalTo(notificationId)).extract().jsonPath();
        List<String> steps = new ArrayList<>();
        for (Map<String, Object> step : history.<Map<String, Object>>getList("history")) {
            steps.add(java.util.stream.Stream.of(step.get("outcome"), step.get("channel"), step.get("reason"))
                    .filter(java.util.Objects::nonNull).map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(" ")));
        }
        return steps;
    }

    @Test
    void aBookedSessionIsAnnouncedAndRemindedToEachPartnerOnce() throws Exception {
        String hook = as("admin1").body(Map.of("url", "http://127.0.0.1:9/reminders", "events",
                List.of("reminder.due"))).post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
        try {
            Couple c = couple("therapist1");
            LocalDate day = Slots.anyDay();
            Response session = Bookings.book("therapist1", Bookings.session(c.id(), day + "T10:00", day + "T10:50"));
            String sessionId = session.path("id");
            Instant start = Instant.parse(session.path("start"));
            JsonPath log = log(sessionId);
            assertEquals(6, log.getList("$").size(), "a notice and two reminders for each partner: " + log.prettify());
            assertEquals(4, log.getList("findAll { it.kind == 'SESSION_REMINDER' }").size());
            assertEquals(start.minusSeconds(7200).toString(),
                    log.getString("find { it.kind == 'SESSION_REMINDER' && it.partnerId == '" + c.kitId()
                            + "' && it.dueAt == '" + start.minusSeconds(7200) + "' }.dueAt"));

            sender.sendDue(Instant.now());
            List<MimeMessage> kit = mailTo(c.kit());
            assertEquals(1, kit.size(), "the notice, once");
            assertEquals("A session was booked for you", kit.get(0).getSubject());
            String text = GreenMailUtil.getBody(kit.get(0));
            assertTrue(text.contains("at 10:00 (C"), text);
            assertTrue(text.contains("/sessions/" + sessionId), text);
            assertFalse(text.contains("Kit") || text.contains("Lee") || text.contains("Room 2"),
                    "no name, no place in a message: " + text);
            assertEquals(1, mailTo(c.lee()).size());

            // Two replicas at once when the reminders are due: each is sent once.
            Instant due = start.minusSeconds(7200 - 60);
            CompletableFuture<Integer> one = CompletableFuture.supplyAsync(() -> sender.sendDue(due));
            CompletableFuture<Integer> two = CompletableFuture.supplyAsync(() -> sender.sendDue(due));
            assertEquals(4, one.join() + two.join(), "four reminders attempted in all");
            assertEquals(3, mailTo(c.kit()).size());
            assertEquals(3, mailTo(c.lee()).size());
            assertEquals(2, mailTo(c.kit()).stream().filter(m -> subject(m).startsWith("Reminder")).count());
            assertEquals(0, sender.sendDue(due.plusSeconds(3600)), "nothing left to send");
            assertEquals(List.of("SENT"), log(sessionId).getList("status").stream().distinct().toList());
            // Each reminder is also the reminder.due event, with ids only.
            List<String> events = as("admin1").get("/api/v1/webhooks/" + hook + "/deliveries").then().statusCode(200)
                    .body("findAll { it.eventType == 'reminder.due' }", hasSize(4)).extract().jsonPath()
                    .getList("findAll { it.eventType == 'reminder.due' }.eventId");
            // The log says which channels handled each: the notices went by e-mail, the reminders both ways.
            JsonPath handled = log(sessionId);
            assertEquals(List.of(List.of("EMAIL"), List.of("EMAIL")),
                    handled.getList("findAll { it.kind == 'SESSION_SCHEDULED' }.channels"));
            assertEquals(List.of(List.of("EMAIL", "WEBHOOK")), handled.getList("findAll { it.kind =="
                    + " 'SESSION_REMINDER' }.channels").stream().distinct().toList());
            String reminder = handled.getString("find { it.kind == 'SESSION_REMINDER' }.id");
            assertEquals(List.of("QUEUED", "PUBLISHED WEBHOOK", "SENT EMAIL"), history(reminder));
            String event = as("admin1").get("/api/v1/notifications/" + reminder + "/history").then().extract()
                    .path("history.find { it.outcome == 'PUBLISHED' }.webhookEventId");
            assertTrue(events.contains(event), "the step names the event its delivery carries: " + event);
        } finally {
            as("admin1").delete("/api/v1/webhooks/" + hook).then().statusCode(200);
        }
    }

    @Test
    void aMovedOrCancelledSessionWithdrawsItsReminders() throws Exception {
        Couple c = couple("therapist1");
        LocalDate day = Slots.anyDay();
        Response booked = Bookings.book("therapist1", Bookings.session(c.id(), day + "T09:00", day + "T09:50"));
        String id = booked.path("id");
        Response moved = as("therapist1").header("If-Match", booked.header("ETag"))
                .body(Map.of("start", day + "T14:00", "end", day + "T14:50"))
                .post("/api/v1/sessions/" + id + "/reschedule").then().statusCode(200).extract().response();
        JsonPath log = log(id);
        assertEquals(4, log.getList("findAll { it.kind == 'SESSION_REMINDER' && it.status == 'WITHDRAWN' }").size());
        assertEquals(4, log.getList("findAll { it.kind == 'SESSION_REMINDER' && it.status == 'PENDING' }").size());
        assertEquals(2, log.getList("findAll { it.kind == 'SESSION_MOVED' }").size());
        assertEquals(List.of("QUEUED", "WITHDRAWN session-moved"), history(log.getString("find { it.kind =="
                + " 'SESSION_REMINDER' && it.status == 'WITHDRAWN' }.id")));
        assertEquals(List.of(), log.getList("find { it.kind == 'SESSION_REMINDER' && it.status == 'WITHDRAWN' }"
                + ".channels"), "nothing handled a withdrawn reminder");

        as("therapist1").header("If-Match", moved.header("ETag")).body(Map.of("cancelledBy", "CLIENT"))
                .post("/api/v1/sessions/" + id + "/cancel").then().statusCode(200);
        assertEquals(8, log(id).getList("findAll { it.kind == 'SESSION_REMINDER' && it.status == 'WITHDRAWN' }")
                .size());
        sender.sendDue(Instant.parse(moved.path("start")).plusSeconds(60));
        List<String> subjects = mailTo(c.kit()).stream().map(NotificationTest::subject).toList();
        assertEquals(List.of("A session was booked for you", "Your session has moved", "Your session was cancelled"),
                subjects, "the notices, in order, and no reminder of a cancelled session");
    }

    /**
     * The day-before reminder goes out at the session's local time the day before, whatever the clocks do in
     * between: 23 hours before across the spring change, 25 across the autumn one; the message says the local time.
     */
    @Test
    void remindersKeepTheLocalTimeAcrossBothDaylightSavingChanges() throws Exception {
        Couple c = couple("therapist2");
        // Europe/Berlin (the demo clinic) changes its clocks on these Sundays of 2035.
        Response spring = Bookings.book("therapist2", Bookings.session(c.id(), "2035-03-25T10:00", "2035-03-25T10:50"));
        Response autumn = Bookings.book("therapist2", Bookings.session(c.id(), "2035-10-28T10:00", "2035-10-28T10:50"));
        assertEquals("2035-03-25T08:00:00Z", spring.path("start"));
        assertEquals("2035-10-28T09:00:00Z", autumn.path("start"));
        JsonPath springLog = log(spring.path("id"));
        JsonPath autumnLog = log(autumn.path("id"));
        String kit = "it.partnerId == '" + c.kitId() + "' && it.kind == 'SESSION_REMINDER'";
        assertEquals(List.of("2035-03-24T09:00:00Z", "2035-03-25T06:00:00Z"),
                springLog.getList("findAll { " + kit + " }.dueAt").stream().sorted().toList(),
                "10:00 CET the day before (23 h), and two hours before");
        assertEquals(List.of("2035-10-27T08:00:00Z", "2035-10-28T07:00:00Z"),
                autumnLog.getList("findAll { " + kit + " }.dueAt").stream().sorted().toList(),
                "10:00 CEST the day before (25 h), and two hours before");

        sender.sendDue(Instant.parse("2035-03-24T09:00:30Z"));
        sender.sendDue(Instant.parse("2035-10-27T08:00:30Z"));
        List<String> reminders = new ArrayList<>();
        for (MimeMessage m : mailTo(c.kit())) {
            if (subject(m).startsWith("Reminder")) {
                reminders.add(GreenMailUtil.getBody(m));
            }
        }
        assertEquals(3, reminders.size(), "spring: the day before and two hours before; autumn: the day before");
        assertTrue(reminders.stream().anyMatch(t -> t.contains("Sunday 25 March 2035 at 10:00 (CEST)")), reminders
                .toString());
        assertTrue(reminders.stream().anyMatch(t -> t.contains("Sunday 28 October 2035 at 10:00 (CET)")), reminders
                .toString());
    }

    @Test
    void nothingIsSentToADischargedCouple() throws Exception {
        Couple c = couple("therapist1");
        LocalDate day = Slots.anyDay();
        String id = Bookings.book("therapist1", Bookings.session(c.id(), day + "T11:00", day + "T11:50")).path("id");
        Response couple = as("therapist1").get("/api/v1/couples/" + c.id()).then().extract().response();
        as("therapist1").header("If-Match", couple.header("ETag")).body(Map.of("status", "DISCHARGED"))
                .post("/api/v1/couples/" + c.id() + "/status").then().statusCode(200);
        sender.sendDue(Instant.now());
        assertEquals(0, mailTo(c.kit()).size(), "neither the booking nor the cancellation is sent");
        assertEquals(List.of("WITHDRAWN"), log(id).getList("status").stream().distinct().toList());
        JsonPath log = log(id);
        assertEquals(List.of("QUEUED", "WITHDRAWN discharged"), history(log.getString("find { it.kind =="
                + " 'SESSION_CANCELLED' }.id")), "the discharge's own cancellation, withdrawn when it fell due");
        assertEquals(List.of("QUEUED", "WITHDRAWN session-cancelled"), history(log.getString("find { it.kind =="
                + " 'SESSION_REMINDER' }.id")));
    }

    @Test
    void aPartnerWithoutAnAddressIsSkippedAndTheLogSaysSo() {
        Map<String, Object> body = new HashMap<>(Map.of("partners", List.of(
                Map.of("fullName", "Kit " + unique(), "recoveryRole", "IN_RECOVERY"),
                Map.of("fullName", "Lee " + unique(), "recoveryRole", "PARTNER")), "careStartedOn", "2026-02-01"));
        String coupleId = as("therapist1").body(body).post("/api/v1/couples").then().statusCode(201).extract()
                .path("id");
        LocalDate day = Slots.anyDay();
        String id = Bookings.book("therapist1", Bookings.session(coupleId, day + "T12:00", day + "T12:50")).path("id");
        sender.sendDue(Instant.now());
        as("admin1").queryParam("sessionId", id).queryParam("status", "SKIPPED").get("/api/v1/notifications").then()
                .statusCode(200).body("$", hasSize(2)).body("lastError", equalTo(List.of("no-address", "no-address")));
    }

    @Test
    void theDeliveryLogIsTheClinicAdminsAlone() {
        Couple c = couple("therapist1");
        LocalDate day = Slots.anyDay();
        String id = Bookings.book("therapist1", Bookings.session(c.id(), day + "T13:00", day + "T13:50")).path("id");
        anonymous().get("/api/v1/notifications").then().statusCode(401);
        as("therapist1").get("/api/v1/notifications").then().statusCode(403);
        asIntegration().get("/api/v1/notifications").then().statusCode(403);
        Partners.as("therapist1", c.id(), c.kitId()).get("/api/v1/notifications").then().statusCode(403);
        as("admin9").queryParam("sessionId", id).get("/api/v1/notifications").then().statusCode(200)
                .body("$", hasSize(0));
        as("admin1").queryParam("status", "LOST").get("/api/v1/notifications").then().statusCode(400);
        as("admin1").queryParam("sessionId", "nope").get("/api/v1/notifications").then().statusCode(400);
        String all = as("admin1").queryParam("sessionId", id).get("/api/v1/notifications").asString();
        assertFalse(all.contains(c.kit()) || all.contains("Kit"), "no address or name in the log: " + all);

        String notice = log(id).getString("find { it.kind == 'SESSION_SCHEDULED' }.id");
        String path = "/api/v1/notifications/" + notice + "/history";
        anonymous().get(path).then().statusCode(401);
        as("therapist1").get(path).then().statusCode(403);
        asIntegration().get(path).then().statusCode(403);
        Partners.as("therapist1", c.id(), c.kitId()).get(path).then().statusCode(403);
        as("admin9").get(path).then().statusCode(404).body("type", equalTo("/problems/not-found"));
        as("admin1").get("/api/v1/notifications/" + UUID.randomUUID() + "/history").then().statusCode(404);
        as("admin1").get("/api/v1/notifications/nope/history").then().statusCode(404);
        sender.sendDue(Instant.now());
        String history = as("admin1").get(path).then().statusCode(200).body("message.status", equalTo("SENT"))
                .body("history.outcome", equalTo(List.of("QUEUED", "SENT"))).extract().asString();
        assertFalse(history.contains(c.kit()) || history.contains("Kit"), "no address or name: " + history);
    }

    /** The instant of a local time in the demo clinic's zone. */
    static Instant berlin(LocalDate day, String time) {
        return day.atTime(java.time.LocalTime.parse(time)).atZone(java.time.ZoneId.of("Europe/Berlin")).toInstant();
    }

    static String choose(String coupleId, String partnerId, Map<String, Object> choices) {
        io.restassured.specification.RequestSpecification partner = Partners.as("therapist1", coupleId, partnerId);
        String etag = partner.get("/api/v1/me/notification-preferences").then().statusCode(200).extract()
                .header("ETag");
        return Partners.as("therapist1", coupleId, partnerId).header("If-Match", etag).body(choices)
                .put("/api/v1/me/notification-preferences").then().statusCode(200).extract().asString();
    }

    @Test
    void aPartnersChoicesAndQuietHoursDecideWhatIsSentAndWhen() throws Exception {
        String hook = as("admin1").body(Map.of("url", "http://127.0.0.1:9/quiet", "events",
                List.of("reminder.due"))).post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
        try {
            choicesAndQuietHours(hook);
        } finally {
            as("admin1").delete("/api/v1/webhooks/" + hook).then().statusCode(200);
        }
    }

    private void choicesAndQuietHours(String hook) throws Exception {
        Couple c = couple("therapist1");
        Partners.as("therapist1", c.id(), c.kitId()).get("/api/v1/me/notification-preferences").then()
                .statusCode(200).header("ETag", "\"0\"").body("email", equalTo(true))
                .body("reminders", equalTo(true)).body("quietHours", equalTo(null));
        choose(c.id(), c.kitId(), Map.of("email", true, "reminders", false, "sms", false));
        choose(c.id(), c.leeId(), Map.of("email", true, "reminders", true, "sms", true, "quietHours",
                Map.of("from", "22:00", "until", "07:00")));
        Partners.as("therapist1", c.id(), c.leeId()).get("/api/v1/me/notification-preferences").then()
                .statusCode(200).body("quietHours.from", org.hamcrest.Matchers.startsWith("22:00"));

        LocalDate day = Slots.anyDay();
        String id = Bookings.book("therapist1", Bookings.session(c.id(), day + "T08:00", day + "T08:50")).path("id");
        sender.sendDue(berlin(day.minusDays(2), "12:00")); // the notices, at noon two days before
        assertEquals(1, mailTo(c.kit()).size());
        assertEquals(1, mailTo(c.lee()).size());
        sender.sendDue(berlin(day.minusDays(1), "08:00:30")); // the day-before reminders
        assertEquals(1, mailTo(c.kit()).size(), "Kit chose no reminders");
        assertEquals(2, mailTo(c.lee()).size());
        sender.sendDue(berlin(day, "06:00:30")); // two hours before: Lee's quiet hours
        assertEquals(2, mailTo(c.lee()).size(), "nothing in the quiet hours");
        assertEquals(1, log(id).getList("findAll { it.partnerId == '" + c.leeId()
                + "' && it.status == 'PENDING' }").size(), "Lee's reminder waits for 07:00");
        sender.sendDue(berlin(day, "07:00:30"));
        assertEquals(3, mailTo(c.lee()).size(), "sent when the quiet hours end, before the session");
        String waited = log(id).getString("find { it.partnerId == '" + c.leeId() + "' && it.kind =="
                + " 'SESSION_REMINDER' && it.dueAt == '" + berlin(day, "06:00") + "' }.id");
        assertEquals(List.of("QUEUED", "PUBLISHED WEBHOOK", "POSTPONED EMAIL quiet-hours", "SENT EMAIL"),
                history(waited), "claimed twice (before and after the quiet hours), its event handed over once");
        assertEquals(List.of("EMAIL", "WEBHOOK"), log(id).getList("find { it.id == '" + waited + "' }.channels"));
        String event = as("admin1").get("/api/v1/notifications/" + waited + "/history").then().extract()
                .path("history.find { it.outcome == 'PUBLISHED' }.webhookEventId");
        assertEquals(1, as("admin1").get("/api/v1/webhooks/" + hook + "/deliveries").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.eventId == '" + event + "' }").size(),
                "its one event, delivered to the clinic's service once");
        assertEquals(2, log(id).getList("findAll { it.partnerId == '" + c.kitId()
                + "' && it.status == 'SKIPPED' && it.lastError == 'opted-out' }").size());

        Partners.as("therapist1", c.id(), c.kitId()).header("If-Match", "\"0\"").body(Map.of("email", true,
                "reminders", true, "sms", true, "quietHours", Map.of("from", "22:00")))
                .put("/api/v1/me/notification-preferences").then().statusCode(400);
        Partners.as("therapist1", c.id(), c.kitId()).body(Map.of("email", true, "reminders", true, "sms", true))
                .put("/api/v1/me/notification-preferences").then().statusCode(428);
        as("admin1").get("/api/v1/me/notification-preferences").then().statusCode(403);
        anonymous().get("/api/v1/me/notification-preferences").then().statusCode(401);
    }

    /** RFC 8058: the message carries a link a mail client POSTs; one click, no sign-in, no more e-mail. */
    @Test
    void oneClickInAMessageStopsEmail() throws Exception {
        Couple c = couple("therapist1");
        LocalDate day = Slots.anyDay();
        String id = Bookings.book("therapist1", Bookings.session(c.id(), day + "T15:00", day + "T15:50")).path("id");
        sender.sendDue(berlin(day.minusDays(2), "12:00"));
        MimeMessage notice = mailTo(c.kit()).get(0);
        assertEquals("List-Unsubscribe=One-Click", notice.getHeader("List-Unsubscribe-Post")[0]);
        String header = notice.getHeader("List-Unsubscribe")[0];
        String url = header.substring(1, header.length() - 1);
        assertTrue(GreenMailUtil.getBody(notice).contains(url), "the link is in the text too");
        String token = url.substring(url.indexOf("token=") + "token=".length());

        anonymous().queryParam("token", token.substring(1)).post("/api/v1/unsubscribe").then().statusCode(404)
                .body("type", equalTo("/problems/not-found"));
        anonymous().post("/api/v1/unsubscribe").then().statusCode(404);
        anonymous().queryParam("token", token).post("/api/v1/unsubscribe").then().statusCode(200)
                .body("email", equalTo(false));
        Partners.as("therapist1", c.id(), c.kitId()).get("/api/v1/me/notification-preferences").then()
                .statusCode(200).body("email", equalTo(false));
        sender.sendDue(berlin(day, "14:00"));
        assertEquals(1, mailTo(c.kit()).size(), "no reminder after the click");
        assertEquals(3, mailTo(c.lee()).size(), "the other partner's choice is theirs: notice and two reminders");
        assertEquals(List.of("SKIPPED"), log(id).getList("findAll { it.partnerId == '" + c.kitId()
                + "' && it.kind == 'SESSION_REMINDER' }.status").stream().distinct().toList());
    }

    /** The couple's therapists hear of a safety flag at once, and nothing of what raised it. */
    @Test
    void aSafetyFlagAlertsTheCouplesTherapists() throws Exception {
        Response couple = Bookings.coupleWithBothTherapists();
        String coupleId = couple.path("id");
        String partnerId = couple.path("partners[0].id");
        sender.sendDue(Instant.now()); // whatever earlier tests left due
        int one = mailTo("therapist1@demo.tandem.invalid").size();
        int two = mailTo("therapist2@demo.tandem.invalid").size();

        as("therapist1").body(org.tandem.questionnaire.QuestionnaireResourceTest.answers("phq-9", partnerId,
                List.of(1, 1, 1, 1, 1, 1, 1, 1, 2), "SELF_REPORT")).post("/api/v1/couples/" + coupleId
                + "/questionnaires").then().statusCode(201);
        sender.sendDue(Instant.now());
        List<MimeMessage> toOne = mailTo("therapist1@demo.tandem.invalid");
        assertEquals(one + 1, toOne.size());
        assertEquals(two + 1, mailTo("therapist2@demo.tandem.invalid").size());
        MimeMessage alert = toOne.get(toOne.size() - 1);
        assertEquals("A safety flag needs your attention", alert.getSubject());
        String text = GreenMailUtil.getBody(alert);
        assertTrue(text.contains("/couples/" + coupleId), text);
        assertFalse(text.contains("PHQ") || text.contains("item") || text.contains("Kit"), "nothing clinical: " + text);

        // A therapist's own flag: the other therapist is told, not the one who raised it.
        as("therapist1").body(Map.of("partnerId", partnerId)).post("/api/v1/couples/" + coupleId + "/safety-flags")
                .then().statusCode(201);
        sender.sendDue(Instant.now());
        assertEquals(one + 1, mailTo("therapist1@demo.tandem.invalid").size());
        assertEquals(two + 2, mailTo("therapist2@demo.tandem.invalid").size());
    }

    /**
     * A therapist's morning: once 07:00 has come in the clinic's zone, the day's agenda (how many sessions, when the
     * first starts), made once however often (and on however many replicas) the planner runs; and a review date
     * that has come is told once to the couple's therapists.
     */
    @Test
    void theDayStartsWithTheAgendaAndAReviewDueIsToldOnce() throws Exception {
        Couple c = couple("therapist2");
        LocalDate day = LocalDate.of(2036, 6, 10); // no other test books this day
        Bookings.book("therapist2", Bookings.session(c.id(), day + "T14:00", day + "T14:50"));
        Bookings.book("therapist2", Bookings.session(c.id(), day + "T10:00", day + "T10:50"));
        String therapist2 = org.tandem.testsupport.Api.therapistId("admin1", "therapist2");
        String digests = "findAll { it.kind == 'AGENDA_DIGEST' && it.therapistId == '" + therapist2 + "' }";

        planner.plan(berlin(day, "06:59"));
        JsonPath log = as("admin1").get("/api/v1/notifications").then().statusCode(200).extract().jsonPath();
        assertEquals(0, log.getList(digests).size(), "not before 07:00");
        planner.plan(berlin(day, "07:00"));
        planner.plan(berlin(day, "07:05"));
        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(() -> planner.plan(berlin(day, "07:10")));
        CompletableFuture<Integer> two = CompletableFuture.supplyAsync(() -> planner.plan(berlin(day, "07:10")));
        one.join();
        two.join();
        log = as("admin1").get("/api/v1/notifications").then().statusCode(200).extract().jsonPath();
        assertEquals(1, log.getList(digests).size(), "one agenda for the day: " + log.getList(digests));

        int before = mailTo("therapist2@demo.tandem.invalid").size();
        sender.sendDue(berlin(day, "07:11"));
        List<MimeMessage> mail = mailTo("therapist2@demo.tandem.invalid");
        MimeMessage agenda = mail.stream().filter(m -> subject(m).equals("Your sessions today")).findFirst()
                .orElseThrow();
        String text = GreenMailUtil.getBody(agenda);
        assertTrue(text.contains("You have 2 sessions today (Tuesday 10 June), the first at 10:00."), text);
        assertTrue(mail.size() > before);

        // A treatment plan whose review date comes: its therapist is told, once.
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Berlin"));
        as("therapist2").body(org.tandem.treatmentplan.TreatmentPlanTest.plan("r", c.kitId(), null, today.plusDays(1)))
                .post("/api/v1/couples/" + c.id() + "/treatment-plan").then().statusCode(201);
        String reviews = "findAll { it.kind == 'REVIEW_DUE' && it.coupleId == '" + c.id() + "' }";
        planner.plan(berlin(today, "12:00"));
        assertEquals(0, as("admin1").get("/api/v1/notifications").then().extract().jsonPath().getList(reviews)
                .size(), "not before its date");
        planner.plan(berlin(today.plusDays(1), "12:00"));
        planner.plan(berlin(today.plusDays(2), "12:00"));
        assertEquals(1, as("admin1").get("/api/v1/notifications").then().extract().jsonPath().getList(reviews)
                .size());
        sender.sendDue(berlin(today.plusDays(2), "12:01"));
        assertTrue(mailTo("therapist2@demo.tandem.invalid").stream().anyMatch(m -> subject(m).equals("A review is due")
                && GreenMailUtil.getBody(m).contains("/couples/" + c.id())));
    }

    /** The hourly extension skips an occurrence that clashes; the series' therapist hears of it, once. */
    @Test
    void aSkippedOccurrenceIsToldToItsTherapistOnce() throws Exception {
        Couple c = couple("therapist2");
        LocalDate first = LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).plusDays(1);
        Map<String, Object> weekly = new HashMap<>(Map.of("coupleId", c.id(), "kind", "JOINT", "modality",
                "TELEHEALTH", "videoLink", "https://video.example/room-9", "firstStart", first + "T21:00",
                "durationMinutes", 50));
        String seriesId = as("therapist2").body(weekly).post("/api/v1/session-series").then().statusCode(201)
                .extract().path("id");
        Couple other = couple("therapist2");
        LocalDate clash = first.plusWeeks(16);
        Bookings.book("therapist2", Bookings.session(other.id(), clash + "T21:00", clash + "T21:50"));

        Instant horizon = Instant.now().plus(java.time.Duration.ofDays(20 * 7));
        series.extendOpenSeries(horizon);
        series.extendOpenSeries(horizon);
        List<Object> skipped = as("admin1").get("/api/v1/notifications").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.kind == 'SERIES_SKIPPED' && it.coupleId == '" + c.id() + "' }");
        assertEquals(1, skipped.size(), "one notice for the one skipped occurrence of " + seriesId);

        sender.sendDue(Instant.now());
        assertTrue(mailTo("therapist2@demo.tandem.invalid").stream().anyMatch(m -> subject(m)
                .equals("A recurring session could not be booked") && GreenMailUtil.getBody(m).contains(" at 21:00 (")),
                "the therapist is told which one");
    }

    /** The mail server is down: nothing is marked sent, the log says why, and the message goes once it is back. */
    @Test
    void aMailServerThatIsDownIsTriedAgainAndNothingIsMarkedSent() throws Exception {
        sender.sendDue(Instant.now()); // whatever earlier tests left due, while the server is up
        Couple c = couple("therapist1");
        LocalDate day = Slots.anyDay();
        String id = Bookings.book("therapist1", Bookings.session(c.id(), day + "T17:00", day + "T17:50")).path("id");
        TandemServices.mail().stop();
        try {
            sender.sendDue(berlin(day.minusDays(3), "12:00"));
        } finally {
            TandemServices.mail().start();
        }
        JsonPath log = log(id);
        String notices = "findAll { it.kind == 'SESSION_SCHEDULED' }";
        assertEquals(List.of("PENDING", "PENDING"), log.getList(notices + ".status"));
        assertEquals(List.of("smtp-failed", "smtp-failed"), log.getList(notices + ".lastError"));
        assertEquals(List.of(1, 1), log.getList(notices + ".attempts"));
        assertEquals(0, mailTo(c.kit()).size());

        sender.sendDue(berlin(day.minusDays(3), "12:00:30"));
        assertEquals(0, mailTo(c.kit()).size(), "not before the wait is over");
        sender.sendDue(berlin(day.minusDays(3), "12:01:30"));
        assertEquals(1, mailTo(c.kit()).size(), "sent once the server is back and the wait is over");
        assertEquals(List.of("SENT", "SENT"), log(id).getList(notices + ".status"));
        assertEquals(List.of(2, 2), log(id).getList(notices + ".attempts"));
        assertEquals(List.of("QUEUED", "FAILED EMAIL smtp-failed", "SENT EMAIL"),
                history(log(id).getString("find { it.kind == 'SESSION_SCHEDULED' }.id")));
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
