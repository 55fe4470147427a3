package org.tandem.screening;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
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
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tandem.testsupport.Api;
import org.tandem.testsupport.Bookings;
import org.tandem.testsupport.ClinicDays;
import org.tandem.testsupport.Partners;
import org.tandem.testsupport.Slots;

/**
 * Intimate-partner-violence screening: a concern holds the couple's joint sessions until a therapist clears it, and a
 * clinic may require each partner to be screened before any joint session.
 */
@QuarkusTest
class ScreeningTest {

    private static final String CLINIC = "/api/v1/clinic";

    @Test
    void aConcernHoldsJointSessionsUntilATherapistClearsIt() {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        String coupleId = couple.path("id");
        String lee = couple.path("partners[1].id");
        String kit = couple.path("partners[0].id");
        String screenings = "/api/v1/couples/" + coupleId + "/ipv-screenings";
        as("therapist1").body(Map.of("method", "HITS", "result", "NO_CONCERN")).post("/api/v1/couples/" + coupleId
                + "/partners/" + kit + "/ipv-screenings").then().statusCode(201)
                .body("screenedOn", equalTo(ClinicDays.demoToday().toString())).body("holdsJointSessions",
                        equalTo(false));
        String concern = as("therapist1").body(Map.of("method", "WAST", "result", "CONCERN", "screenedOn",
                ClinicDays.demoToday().minusDays(1).toString())).post("/api/v1/couples/" + coupleId + "/partners/"
                + lee + "/ipv-screenings").then().statusCode(201).body("holdsJointSessions", equalTo(true))
                .extract().path("id");

        // Joint sessions and intakes are refused; an individual session is not.
        LocalDate day = Slots.day();
        as("therapist1").body(Bookings.session(coupleId, day + "T10:00", day + "T10:50")).post(Bookings.SESSIONS)
                .then().statusCode(409).body("type", equalTo("/problems/joint-sessions-on-hold"));
        Map<String, Object> individual = new HashMap<>(Bookings.session(coupleId, day + "T11:00", day + "T11:50"));
        individual.put("kind", "INDIVIDUAL");
        individual.put("partnerId", lee);
        Bookings.book("therapist1", individual);
        as("therapist1").queryParam("kind", "JOINT").get("/api/v1/couples/" + coupleId + "/sessions").then()
                .statusCode(200).body("items", hasSize(0));

        // The admin sees the hold, not the results; the therapist sees both.
        as("admin1").get(screenings).then().statusCode(200).body("jointSessionsOnHold", equalTo(true))
                .body("screenings", hasSize(2)).body("screenings[0].result", nullValue());
        as("therapist1").get(screenings).then().statusCode(200).body("screenings[0].result", equalTo("NO_CONCERN"))
                .body("screenings[1].result", equalTo("CONCERN"));

        // Cleared: joint work may be booked again.
        as("therapist1").header("If-Match", "\"0\"").body(Map.of("clearedOn", ClinicDays.demoToday().minusDays(2)
                .toString())).post(screenings + "/" + concern + "/clearance").then().statusCode(400)
                .body("violations[0].field", equalTo("clearedOn"));
        as("therapist1").header("If-Match", "\"0\"").body(Map.of()).post(screenings + "/" + concern + "/clearance")
                .then().statusCode(200).body("holdsJointSessions", equalTo(false))
                .body("clearedOn", equalTo(ClinicDays.demoToday().toString()));
        as("therapist1").header("If-Match", "\"1\"").body(Map.of()).post(screenings + "/" + concern + "/clearance")
                .then().statusCode(409).body("type", equalTo("/problems/screening-cleared"));
        Bookings.book("therapist1", Bookings.session(coupleId, day + "T14:00", day + "T14:50"));
        as("admin1").get(screenings).then().statusCode(200).body("jointSessionsOnHold", equalTo(false))
                .body("unscreenedPartners", hasSize(0));
    }

    @Test
    void aClinicThatRequiresScreeningHoldsJointSessionsUntilEachPartnerIsScreened() {
        // A couple already in joint work before the clinic turns the rule on.
        String earlier = Api.createCouple("therapist9", Api.coupleBody(unique())).path("id");
        LocalDate day = Slots.anyDay();
        Bookings.book("therapist9", Bookings.session(earlier, day + "T08:00", day + "T08:50"));

        Response before = as("admin9").get(CLINIC).then().statusCode(200).body("ipvScreeningRequired", equalTo(false))
                .extract().response();
        Map<String, Object> settings = new HashMap<>();
        settings.put("name", before.path("name"));
        settings.put("timeZone", before.path("timeZone"));
        settings.put("lateCancelHours", before.path("lateCancelHours"));
        settings.put("reminders", before.path("reminders"));
        settings.put("ipvScreeningRequired", true);
        String etag = as("admin9").header("If-Match", before.header("ETag")).body(settings).put(CLINIC).then()
                .statusCode(200).body("ipvScreeningRequired", equalTo(true)).extract().header("ETag");
        try {
            // A later change that leaves the rule out keeps it.
            settings.remove("ipvScreeningRequired");
            as("admin9").header("If-Match", etag).body(settings).put(CLINIC).then().statusCode(200)
                    .body("ipvScreeningRequired", equalTo(true));

            Response couple = Api.createCouple("therapist9", Api.coupleBody(unique()));
            String coupleId = couple.path("id");
            String kit = couple.path("partners[0].id");
            String lee = couple.path("partners[1].id");
            String screenings = "/api/v1/couples/" + coupleId + "/ipv-screenings";
            as("therapist9").get(screenings).then().statusCode(200).body("jointSessionsOnHold", equalTo(true))
                    .body("unscreenedPartners", containsInAnyOrder(kit, lee));

            // No joint session yet; the intake, where screening often happens, is booked.
            as("therapist9").body(Bookings.session(coupleId, day + "T10:00", day + "T10:50")).post(Bookings.SESSIONS)
                    .then().statusCode(409).body("type", equalTo("/problems/joint-sessions-on-hold"));
            Map<String, Object> intake = new HashMap<>(Bookings.session(coupleId, day + "T11:00", day + "T11:50"));
            intake.put("kind", "INTAKE");
            Bookings.book("therapist9", intake);

            // One partner screened: still held, for the other.
            as("therapist9").body(Map.of("method", "HITS", "result", "NO_CONCERN")).post("/api/v1/couples/"
                    + coupleId + "/partners/" + kit + "/ipv-screenings").then().statusCode(201);
            as("therapist9").body(Bookings.session(coupleId, day + "T14:00", day + "T14:50")).post(Bookings.SESSIONS)
                    .then().statusCode(409).body("type", equalTo("/problems/joint-sessions-on-hold"));
            as("admin9").get(screenings).then().statusCode(200).body("jointSessionsOnHold", equalTo(true))
                    .body("unscreenedPartners", contains(lee));

            // Both: joint work is booked.
            as("therapist9").body(Map.of("method", "CLINICAL_INTERVIEW", "result", "NO_CONCERN"))
                    .post("/api/v1/couples/" + coupleId + "/partners/" + lee + "/ipv-screenings").then()
                    .statusCode(201);
            Bookings.book("therapist9", Bookings.session(coupleId, day + "T14:00", day + "T14:50"));
            as("therapist9").get(screenings).then().statusCode(200).body("jointSessionsOnHold", equalTo(false))
                    .body("unscreenedPartners", hasSize(0));

            // The couple already in joint work goes on unscreened.
            as("therapist9").get("/api/v1/couples/" + earlier + "/ipv-screenings").then().statusCode(200)
                    .body("jointSessionsOnHold", equalTo(false)).body("unscreenedPartners", hasSize(0));
            Bookings.book("therapist9", Bookings.session(earlier, day + "T16:00", day + "T16:50"));
        } finally {
            settings.put("ipvScreeningRequired", false);
            as("admin9").header("If-Match", as("admin9").get(CLINIC).then().extract().header("ETag")).body(settings)
                    .put(CLINIC).then().statusCode(200).body("ipvScreeningRequired", equalTo(false));
        }
    }

    @Test
    void screeningsFollowTheRoleMatrixAndPartnersSeeNothingOfThem() {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        String coupleId = couple.path("id");
        String lee = couple.path("partners[1].id");
        String record = "/api/v1/couples/" + coupleId + "/partners/" + lee + "/ipv-screenings";
        String screenings = "/api/v1/couples/" + coupleId + "/ipv-screenings";
        as("therapist1").body(Map.of("method", "PVS", "result", "CONCERN", "screenedOn",
                ClinicDays.demoToday().plusDays(1).toString())).post(record).then().statusCode(400);
        as("therapist1").body(Map.of("method", "GUESS", "result", "CONCERN")).post(record).then().statusCode(400);
        as("therapist1").get(screenings).then().statusCode(200).body("screenings", hasSize(0));

        anonymous().get(screenings).then().statusCode(401);
        as("admin1").body(Map.of("method", "HITS", "result", "CONCERN")).post(record).then().statusCode(403);
        asIntegration().get(screenings).then().statusCode(403);
        Partners.as("therapist1", coupleId, lee).get(screenings).then().statusCode(403);
        as("therapist2").get(screenings).then().statusCode(404);
        as("admin9").get(screenings).then().statusCode(404);
        as("therapist2").body(Map.of("method", "HITS", "result", "CONCERN")).post(record).then().statusCode(404);
        String other = Api.createCouple("therapist1", unique());
        as("therapist1").body(Map.of("method", "HITS", "result", "CONCERN")).post("/api/v1/couples/" + other
                + "/partners/" + lee + "/ipv-screenings").then().statusCode(404);
    }
}
