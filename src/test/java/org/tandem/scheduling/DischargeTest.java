package org.tandem.scheduling;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.tandem.testsupport.Api.as;
import static org.tandem.testsupport.Api.unique;
import static org.tandem.testsupport.Bookings.book;
import static org.tandem.testsupport.Bookings.session;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tandem.couple.Couple;
import org.tandem.couple.CoupleRepository;
import org.tandem.testsupport.Api;
import org.tandem.testsupport.Bookings;
import org.tandem.testsupport.Slots;

/** Discharging a couple ends their schedule: nothing stays booked, and the horizon job books nothing more. */
@QuarkusTest
class DischargeTest {

    private static final String SERIES = "/api/v1/session-series";

    @Inject
    SeriesService seriesService;
    @Inject
    Booking booking;
    @Inject
    CoupleRepository couples;
    @Inject
    EntityManager entityManager;

    @Test
    void dischargeCancelsEveryFutureSessionAndEndsTheSeries() {
        String coupleId = Api.createCouple("therapist1", unique());
        LocalDate day = Slots.day();
        String single = book("therapist1", session(coupleId, day + "T09:00", day + "T10:00")).path("id");
        // Open-ended, from tomorrow: the horizon job would keep adding occurrences. Early, and skipping clashes,
        // so that other tests' bookings of therapist1 cannot fail it.
        Map<String, Object> weekly = SeriesResourceTest.series(coupleId,
                LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(1) + "T05:00", Map.of());
        weekly.put("onConflict", "SKIP");
        Response series = as("therapist1").body(weekly).post(SERIES).then().statusCode(201).extract().response();
        int occurrences = series.path("occurrences.size()");

        discharge("therapist1", coupleId).then().statusCode(200).body("status", equalTo("DISCHARGED"));

        as("therapist1").get(Bookings.SESSIONS + "/" + single).then().statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("cancellation.cancelledBy", equalTo("CLINIC"))
                .body("cancellation.reason", equalTo("Couple discharged"))
                .body("cancellation.late", equalTo(false));
        as("therapist1").get(SERIES + "/" + series.path("id")).then().statusCode(200)
                .body("ended", equalTo(true))
                .body("occurrences.size()", greaterThan(0))
                .body("occurrences.status", everyItem(equalTo("CANCELLED")));

        // The hourly job no longer extends it.
        seriesService.extendOpenSeries(Instant.now().plus(20 * 7, ChronoUnit.DAYS));
        as("therapist1").get(SERIES + "/" + series.path("id")).then()
                .body("occurrences.size()", equalTo(occurrences));
        as("therapist1").queryParam("status", "SCHEDULED").get("/api/v1/couples/" + coupleId + "/sessions").then()
                .statusCode(200).body("totalItems", equalTo(0));
        // Each cancellation is audited as the person who discharged the couple did it.
        as("admin1").queryParam("recordType", "session").queryParam("recordId", single).get("/api/v1/audit-events")
                .then().statusCode(200)
                .body("items.find { it.action == 'session.cancel' }.subject", equalTo(Api.THERAPIST1_SUB));
    }

    @Test
    void aRefusedDischargeCancelsNothing() {
        String coupleId = Api.createCouple("therapist1", unique());
        LocalDate day = Slots.day();
        String single = book("therapist1", session(coupleId, day + "T11:00", day + "T12:00")).path("id");

        as("therapist1").header("If-Match", "\"99\"").body(Map.of("status", "DISCHARGED"))
                .post("/api/v1/couples/" + coupleId + "/status").then().statusCode(412);
        as("therapist2").header("If-Match", "\"0\"").body(Map.of("status", "DISCHARGED"))
                .post("/api/v1/couples/" + coupleId + "/status").then().statusCode(404);

        as("therapist1").get(Bookings.SESSIONS + "/" + single).then().body("status", equalTo("SCHEDULED"));
    }

    @Test
    void aDischargedCoupleWhoReturnsStartsWithAnEmptySchedule() {
        String coupleId = Api.createCouple("therapist1", unique());
        LocalDate day = Slots.day();
        String single = book("therapist1", session(coupleId, day + "T13:00", day + "T14:00")).path("id");
        discharge("therapist1", coupleId).then().statusCode(200);
        as("therapist1").body(session(coupleId, day + "T15:00", day + "T16:00")).post(Bookings.SESSIONS).then()
                .statusCode(409).body("type", equalTo("/problems/couple-discharged"));

        Response couple = as("therapist1").get("/api/v1/couples/" + coupleId).then().extract().response();
        as("therapist1").header("If-Match", couple.header("ETag")).body(Map.of("status", "INTAKE"))
                .post("/api/v1/couples/" + coupleId + "/status").then().statusCode(200);
        // Returning does not bring the cancelled sessions back; the freed slot can be booked again.
        as("therapist1").get(Bookings.SESSIONS + "/" + single).then().body("status", equalTo("CANCELLED"));
        String again = book("therapist1", session(coupleId, day + "T13:00", day + "T14:00")).path("id");
        List<String> scheduled = as("therapist1").queryParam("status", "SCHEDULED")
                .get("/api/v1/couples/" + coupleId + "/sessions").then().extract().path("items.id");
        assertEquals(List.of(again), scheduled);
    }

    @Test
    void aBookingThatReadTheCoupleBeforeADischargeCommittedIsRefusedUnderTheLock() {
        UUID coupleId = UUID.fromString(Api.createCouple("therapist1", unique()));
        HttpProblem refused = assertThrows(HttpProblem.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            Couple read = couples.findById(coupleId); // still INTAKE, as a booking first reads it
            Booking.Participants who = booking.participants(read, read.getPrimaryTherapist(), SessionKind.JOINT, null);
            setStatusBehindTheApi(coupleId, "DISCHARGED"); // the discharge commits meanwhile
            booking.lock(who);
        }));
        assertEquals("/problems/couple-discharged", refused.getType().toString());
    }

    @Test
    void theHorizonJobEndsASeriesWhoseCoupleWasDischargedBeforeDischargesEndedSeries() {
        String coupleId = Api.createCouple("therapist1", unique());
        Map<String, Object> weekly = SeriesResourceTest.series(coupleId,
                LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(2) + "T05:30", Map.of());
        weekly.put("onConflict", "SKIP");
        Response series = as("therapist1").body(weekly).post(SERIES).then().statusCode(201).extract().response();
        int occurrences = series.path("occurrences.size()");
        setStatusBehindTheApi(UUID.fromString(coupleId), "DISCHARGED"); // data from before the discharge rule

        // Booking for a discharged couple is refused; the job must end this series, not fail on it every hour.
        seriesService.extendOpenSeries(Instant.now().plus(20 * 7, ChronoUnit.DAYS));
        as("therapist1").get(SERIES + "/" + series.path("id")).then().statusCode(200)
                .body("ended", equalTo(true))
                .body("occurrences.size()", equalTo(occurrences));
    }

    /** Changes a couple's status in its own committed transaction, as another request would. */
    private void setStatusBehindTheApi(UUID coupleId, String status) {
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("update couple set status = ?1 where id = ?2")
                .setParameter(1, status).setParameter(2, coupleId).executeUpdate());
    }

    private static Response discharge(String user, String coupleId) {
        Response couple = as(user).get("/api/v1/couples/" + coupleId).then().statusCode(200).extract().response();
        return as(user).header("If-Match", couple.header("ETag")).body(Map.of("status", "DISCHARGED"))
                .post("/api/v1/couples/" + coupleId + "/status");
    }
}
