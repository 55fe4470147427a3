package org.tandem.partner;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.tandem.testsupport.Api.as;
import static org.tandem.testsupport.Api.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tandem.boundary.BoundaryResourceTest;
import org.tandem.testsupport.Api;
import org.tandem.testsupport.Bookings;
import org.tandem.testsupport.Partners;
import org.tandem.testsupport.Slots;

/**
 * Each partner's own view, as two partners of one couple use it: what is theirs, what is joint, what the other
 * shared, and what they never see (the other's private entries and individual sessions, notes, safety flags).
 */
@QuarkusTest
class MeResourceTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Berlin"));

    /** A couple of therapist1's, with both partners signed in. */
    private record Couple(String id, String kit, String lee) {

        io.restassured.specification.RequestSpecification asKit() {
            return Partners.as("therapist1", id, kit);
        }

        io.restassured.specification.RequestSpecification asLee() {
            return Partners.as("therapist1", id, lee);
        }
    }

    private static Couple couple() {
        Response created = Api.createCouple("therapist1", Api.coupleBody(unique()));
        return new Couple(created.path("id"), created.path("partners[0].id"), created.path("partners[1].id"));
    }

    @Test
    void eachPartnerSeesJointSessionsAndTheirOwnIndividualOnes() {
        Couple c = couple();
        LocalDate day = Slots.anyDay();
        String joint = Bookings.book("therapist1", Bookings.session(c.id(), day + "T09:00", day + "T09:50")).path("id");
        Map<String, Object> individual = Bookings.session(c.id(), day + "T11:00", day + "T11:50");
        individual.put("kind", "INDIVIDUAL");
        individual.put("partnerId", c.kit());
        String kits = Bookings.book("therapist1", individual).path("id");

        c.asKit().get("/api/v1/me/sessions").then().statusCode(200).body("id", contains(joint, kits))
                .body("find { it.id == '" + kits + "' }.individual", equalTo(true))
                .body("[0].therapist.displayName", equalTo("Dana Therapist"))
                .body("[0].coupleSafetyFlag", nullValue()).body("[0].coupleCode", nullValue());
        c.asLee().get("/api/v1/me/sessions").then().statusCode(200).body("id", contains(joint));
        // The staff API stays closed to partners.
        c.asLee().get(Bookings.SESSIONS + "/" + kits).then().statusCode(403);
        c.asKit().get("/api/v1/sessions/" + joint + "/note").then().statusCode(403);
    }

    @Test
    void eachPartnerHasACalendarFeedOfTheirOwnThatEndsWithTheirAccount() {
        Couple c = couple();
        // Within the feed's 400 days ahead; therapist1's other tests book from 2031 on.
        java.time.Instant start = java.time.Instant.now().plus(9, java.time.temporal.ChronoUnit.DAYS)
                .truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        String joint = Bookings.book("therapist1", Bookings.session(c.id(), start.toString(),
                start.plusSeconds(50 * 60).toString())).path("id");
        Map<String, Object> individual = Bookings.session(c.id(), start.plusSeconds(7200).toString(),
                start.plusSeconds(7200 + 50 * 60).toString());
        individual.put("kind", "INDIVIDUAL");
        individual.put("partnerId", c.kit());
        String kits = Bookings.book("therapist1", individual).path("id");

        c.asLee().get("/api/v1/me/calendar-feed").then().statusCode(404);
        String url = c.asLee().post("/api/v1/me/calendar-feed").then().statusCode(200).extract().path("url");
        String path = url.substring(url.indexOf("/api/v1/"));
        String ics = io.restassured.RestAssured.given().get(path).then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(ics.contains("UID:" + joint + "@tandem"), ics);
        org.junit.jupiter.api.Assertions.assertTrue(ics.contains("SUMMARY:Couples session"), ics);
        org.junit.jupiter.api.Assertions.assertFalse(ics.contains(kits), "the other partner's individual session");
        c.asLee().get("/api/v1/me/calendar-feed").then().statusCode(200);

        // Rotated: the old URL stops working; revoked account: the new one too.
        String rotated = c.asLee().post("/api/v1/me/calendar-feed").then().statusCode(200).extract().path("url");
        io.restassured.RestAssured.given().get(path).then().statusCode(404);
        String rotatedPath = rotated.substring(rotated.indexOf("/api/v1/"));
        io.restassured.RestAssured.given().get(rotatedPath).then().statusCode(200);
        as("therapist1").delete(Partners.accountPath(c.id(), c.lee())).then().statusCode(200);
        io.restassured.RestAssured.given().get(rotatedPath).then().statusCode(404);

        String kitsUrl = c.asKit().post("/api/v1/me/calendar-feed").then().statusCode(200).extract().path("url");
        c.asKit().delete("/api/v1/me/calendar-feed").then().statusCode(204);
        io.restassured.RestAssured.given().get(kitsUrl.substring(kitsUrl.indexOf("/api/v1/"))).then().statusCode(404);
    }

    @Test
    void partnersLogTheirExercisesAndShareReflectionsWhenTheyChoose() {
        Couple c = couple();
        String exercise = as("therapist1").queryParam("size", 100).get("/api/v1/exercises").then().extract()
                .path("items.find { it.current.title == 'Daily couple check-in' }.id");
        String joint = as("therapist1").body(Map.of("exerciseId", exercise, "startsOn", TODAY.minusDays(3).toString()))
                .post("/api/v1/couples/" + c.id() + "/assignments").then().statusCode(201).extract().path("id");
        String leesOwn = as("therapist1").body(Map.of("exerciseId", exercise, "partnerId", c.lee(),
                "startsOn", TODAY.minusDays(3).toString())).post("/api/v1/couples/" + c.id() + "/assignments")
                .then().statusCode(201).extract().path("id");

        c.asKit().get("/api/v1/me/assignments").then().statusCode(200).body("id", contains(joint));
        c.asLee().get("/api/v1/me/assignments").then().statusCode(200).body("id", containsInAnyOrder(joint, leesOwn));
        c.asKit().get("/api/v1/me/assignments/" + leesOwn + "/completions").then().statusCode(404);
        c.asKit().body(Map.of("date", TODAY.toString())).post("/api/v1/me/assignments/" + leesOwn + "/completions")
                .then().statusCode(404);

        String completion = c.asKit().body(Map.of("date", TODAY.toString(), "reflection", "I listened first",
                "rating", 4)).post("/api/v1/me/assignments/" + joint + "/completions").then().statusCode(201)
                .body("partnerId", equalTo(c.kit())).body("shared", equalTo(false)).extract().path("id");
        c.asKit().body(Map.of("date", TODAY.toString(), "reflection", "again"))
                .post("/api/v1/me/assignments/" + joint + "/completions").then().statusCode(200)
                .body("id", equalTo(completion));
        String completions = "/api/v1/me/assignments/" + joint + "/completions";
        c.asLee().get(completions).then().statusCode(200).body("[0].reflection", nullValue());

        c.asKit().body(Map.of("shared", true)).put("/api/v1/me/completions/" + completion + "/sharing").then()
                .statusCode(200).body("shared", equalTo(true)).body("choices", hasSize(1));
        c.asLee().get(completions).then().body("[0].reflection", equalTo("I listened first"));
        // Withdrawn: hidden again, and both choices are kept.
        c.asKit().body(Map.of("shared", false)).put("/api/v1/me/completions/" + completion + "/sharing").then()
                .statusCode(200).body("choices.shared", contains(true, false));
        c.asLee().get(completions).then().body("[0].reflection", nullValue());
        // Only its author shares it.
        c.asLee().body(Map.of("shared", true)).put("/api/v1/me/completions/" + completion + "/sharing").then()
                .statusCode(404);
        c.asKit().body(Map.of()).put("/api/v1/me/completions/" + completion + "/sharing").then().statusCode(400)
                .body("violations[0].field", equalTo("shared"));
        as("admin1").queryParam("recordType", "completion").queryParam("recordId", completion)
                .get("/api/v1/audit-events").then().statusCode(200)
                .body("items.action", hasItem("partner.share")).body("items.action", hasItem("partner.unshare"));
    }

    @Test
    void ratingsAndAnswersArePrivateToTheirPartnerUntilShared() {
        Couple c = couple();
        String kitsRating = c.asKit().body(Map.of("metric", "trust", "date", TODAY.toString(), "value", 4))
                .post("/api/v1/me/ratings").then().statusCode(201).body("partnerId", equalTo(c.kit()))
                .body("source", equalTo("SELF_REPORT")).body("private", equalTo(true)).extract().path("id");
        String coupleRating = c.asLee().body(Map.of("metric", "communication", "aboutCouple", true,
                "date", TODAY.toString(), "value", 6)).post("/api/v1/me/ratings").then().statusCode(201)
                .body("partnerId", nullValue()).body("private", equalTo(false)).extract().path("id");
        c.asLee().get("/api/v1/me/ratings").then().statusCode(200).body("items.id", contains(coupleRating));
        c.asKit().get("/api/v1/me/ratings").then().body("items.id", containsInAnyOrder(kitsRating, coupleRating));
        c.asKit().body(Map.of("shared", true)).put("/api/v1/me/ratings/" + kitsRating + "/sharing").then()
                .statusCode(200);
        c.asLee().get("/api/v1/me/ratings").then().body("items.id", containsInAnyOrder(kitsRating, coupleRating));
        // Only the partner a rating is about shares it or takes it back; the couple's is nobody's to hide.
        c.asLee().body(Map.of("shared", false)).put("/api/v1/me/ratings/" + kitsRating + "/sharing").then()
                .statusCode(404);
        c.asLee().body(Map.of("shared", false)).put("/api/v1/me/ratings/" + coupleRating + "/sharing").then()
                .statusCode(404);
        as("therapist1").get("/api/v1/couples/" + c.id() + "/measurements").then().body("totalItems", equalTo(2));
        c.asKit().body(Map.of("metric", "trust", "date", TODAY.toString(), "value", 99)).post("/api/v1/me/ratings")
                .then().statusCode(422).body("violations[0].field", equalTo("value"));
        c.asKit().body(Map.of("metric", "trust", "date", TODAY.plusDays(2).toString(), "value", 3))
                .post("/api/v1/me/ratings").then().statusCode(400).body("violations[0].field", equalTo("date"));

        // PHQ-9 with item 9 above zero raises a safety flag for the therapist; the partner's answer does not say so.
        List<Integer> answers = new java.util.ArrayList<>(Collections.nCopies(9, 1));
        answers.set(8, 2);
        String response = c.asKit().body(Map.of("instrument", "phq-9", "date", TODAY.toString(), "answers", answers))
                .post("/api/v1/me/questionnaires").then().statusCode(201).body("partnerId", equalTo(c.kit()))
                .body("safetyFlags", empty()).body("answers", hasSize(9)).extract().path("id");
        as("therapist1").get("/api/v1/couples/" + c.id() + "/safety-flags").then().statusCode(200)
                .body("questionnaireId", hasItem(response));
        c.asLee().get("/api/v1/me/questionnaires").then().body("totalItems", equalTo(0));
        c.asLee().body(Map.of("shared", true)).put("/api/v1/me/questionnaires/" + response + "/sharing").then()
                .statusCode(404);
        c.asKit().body(Map.of("shared", true)).put("/api/v1/me/questionnaires/" + response + "/sharing").then()
                .statusCode(200);
        // Shared: the score and band, never the other partner's item answers.
        c.asLee().get("/api/v1/me/questionnaires").then().body("items.id", contains(response))
                .body("items[0].answers", nullValue()).body("items[0].score", equalTo(10.0f))
                .body("items[0].safetyFlags", empty());
        c.asLee().get("/api/v1/me/safety-flags").then().statusCode(404);
        c.asLee().get("/api/v1/couples/" + c.id() + "/safety-flags").then().statusCode(403);
    }

    @Test
    void thePartnerInRecoverySeesTheirStreakAndBothAgreeToBoundaries() {
        Couple c = couple();
        c.asKit().get("/api/v1/me/sobriety").then().statusCode(200).body("partnerId", equalTo(c.kit()))
                .body("sobrietyDate", equalTo("2026-01-15"));
        c.asLee().get("/api/v1/me/sobriety").then().statusCode(409).body("type", equalTo("/problems/not-in-recovery"));

        String boundary = as("therapist1").body(BoundaryResourceTest.boundary("No contact with the affair partner",
                c.lee(), c.lee(), TODAY.minusDays(2), null)).post("/api/v1/couples/" + c.id() + "/boundaries").then()
                .statusCode(201).extract().path("id");
        c.asKit().get("/api/v1/me/boundaries").then().statusCode(200).body("id", contains(boundary))
                .body("[0].current.text", equalTo("No contact with the affair partner"))
                .body("[0].consents", empty());
        c.asKit().post("/api/v1/me/boundaries/" + boundary + "/agreement").then().statusCode(200)
                .body("consents.partnerId", contains(c.kit())).body("consents[0].versionNumber", equalTo(1));
        c.asKit().post("/api/v1/me/boundaries/" + boundary + "/agreement").then().statusCode(200)
                .body("consents", hasSize(1));
        c.asLee().post("/api/v1/me/boundaries/" + boundary + "/agreement").then().statusCode(200)
                .body("consents.partnerId", contains(c.kit(), c.lee()));
        // Another couple's boundary is not found.
        Couple other = couple();
        other.asKit().post("/api/v1/me/boundaries/" + boundary + "/agreement").then().statusCode(404);
        other.asKit().get("/api/v1/me/boundaries").then().body("id", not(hasItem(boundary)));
    }

    @Test
    void aPartnersRequestsAreAuditedAsThePartner() {
        Couple c = couple();
        c.asKit().get("/api/v1/me").then().statusCode(200);
        Map<String, Object> query = new HashMap<>();
        query.put("recordType", "partner");
        query.put("recordId", c.kit());
        as("admin1").queryParams(query).get("/api/v1/audit-events").then().statusCode(200)
                .body("items.find { it.action == 'partner.me' }.roles", equalTo("partner"));
    }
}
