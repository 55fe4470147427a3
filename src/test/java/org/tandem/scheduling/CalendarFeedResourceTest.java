package org.tandem.scheduling;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.tandem.testsupport.Bookings.book;
import static org.tandem.testsupport.Bookings.session;
import static org.tandem.testsupport.Api.anonymous;
import static org.tandem.testsupport.Api.as;
import static org.tandem.testsupport.Api.asIntegration;
import static org.tandem.testsupport.Api.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tandem.testsupport.Api;

@QuarkusTest
class CalendarFeedResourceTest {

    private static final String FEED = "/api/v1/calendar-feed";

    @Test
    void aCalendarAppSubscribesWithTheSecretUrlAndSeesNoNames() {
        String marker = unique();
        Response couple = Api.createCouple("therapist2", Api.coupleBody(marker));
        Instant start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        Response session = book("therapist2", session(couple.path("id"), start.toString(),
                start.plus(50, ChronoUnit.MINUTES).toString()));

        String url = as("therapist2").post(FEED).then().statusCode(200)
                .body("url", matchesPattern("http://.+/api/v1/calendar-feeds/[A-Za-z0-9_-]{43}\\.ics"))
                .extract().path("url");
        String ics = given().get(URI.create(url).getPath()).then().statusCode(200)
                .contentType(containsString("text/calendar"))
                .header("Cache-Control", equalTo("no-store"))
                .extract().asString();
        org.hamcrest.MatcherAssert.assertThat(ics, containsString("UID:" + session.path("id") + "@tandem"));
        org.hamcrest.MatcherAssert.assertThat(ics, containsString(couple.path("code") + " · Joint session"));
        org.hamcrest.MatcherAssert.assertThat(ics, not(containsString(marker)));
        org.hamcrest.MatcherAssert.assertThat(ics, not(containsString("Kit")));
        as("therapist2").get(FEED).then().statusCode(200);
    }

    @Test
    void rotatingOrRevokingKillsTheOldUrl() {
        String first = URI.create(as("therapist1").post(FEED).then().statusCode(200).extract().<String>path("url")).getPath();
        given().get(first).then().statusCode(200);
        String second = URI.create(as("therapist1").post(FEED).then().statusCode(200).extract().<String>path("url")).getPath();
        given().get(first).then().statusCode(404).contentType("application/problem+json");
        given().get(second).then().statusCode(200);
        as("therapist1").delete(FEED).then().statusCode(204);
        given().get(second).then().statusCode(404);
        as("therapist1").get(FEED).then().statusCode(404);
    }

    @Test
    void guessedOrMalformedTokensFindNothing() {
        given().get("/api/v1/calendar-feeds/" + "A".repeat(43) + ".ics").then().statusCode(404);
        given().get("/api/v1/calendar-feeds/short.ics").then().statusCode(404);
        given().get("/api/v1/calendar-feeds/" + "%27%20or%201%3D1".repeat(3) + ".ics").then().statusCode(404);
    }

    @Test
    void onlyTherapistsHaveAFeed() {
        anonymous().post(FEED).then().statusCode(401);
        anonymous().get(FEED).then().statusCode(401);
        anonymous().delete(FEED).then().statusCode(401);
        as("admin1").post(FEED).then().statusCode(403);
        asIntegration().post(FEED).then().statusCode(403);
        asIntegration().delete(FEED).then().statusCode(403);
        // Each therapist has their own feed: therapist9's calls never touch therapist1's.
        String mine = URI.create(as("therapist1").post(FEED).then().extract().<String>path("url")).getPath();
        as("therapist9").delete(FEED).then().statusCode(204);
        given().get(mine).then().statusCode(200);
    }

    @Test
    void feedReadsAreAudited() {
        String url = URI.create(as("therapist1").post(FEED).then().extract().<String>path("url")).getPath();
        given().get(url).then().statusCode(200);
        as("admin1").queryParam("actor", "calendar-feed").get("/api/v1/audit-events").then().statusCode(200)
                .body("items[0].action", equalTo("calendar-feed.read"))
                .body("items[0].recordId", equalTo(Api.therapistId("admin1", "therapist1")));
    }

    @Test
    void anAdminSeesWhoHasAFeedAndRevokesOne() {
        String url = as("therapist2").post(FEED).then().statusCode(200).extract().path("url");
        String therapist2 = Api.therapistId("admin1", "therapist2");
        as("admin1").get("/api/v1/calendar-feeds").then().statusCode(200)
                .body("therapist.id", org.hamcrest.Matchers.hasItem(therapist2))
                .body("url", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.nullValue()))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("calendar-feeds/")));
        as("admin9").get("/api/v1/calendar-feeds").then().statusCode(200)
                .body("therapist.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(therapist2)));
        String revoke = "/api/v1/calendar-feeds/" + therapist2;
        anonymous().delete(revoke).then().statusCode(401);
        anonymous().get("/api/v1/calendar-feeds").then().statusCode(401);
        as("therapist1").delete(revoke).then().statusCode(403);
        as("therapist2").get("/api/v1/calendar-feeds").then().statusCode(403);
        asIntegration().delete(revoke).then().statusCode(403);
        as("admin9").delete(revoke).then().statusCode(404); // another clinic's therapist
        given().get(URI.create(url).getPath()).then().statusCode(200); // nothing refused changed it

        as("admin1").delete(revoke).then().statusCode(204);
        given().get(URI.create(url).getPath()).then().statusCode(404);
        as("therapist2").get(FEED).then().statusCode(404);
        as("admin1").delete(revoke).then().statusCode(404); // no feed any more
        as("admin1").delete("/api/v1/calendar-feeds/" + java.util.UUID.randomUUID()).then()
                .statusCode(404);
        as("admin1").queryParam("recordType", "therapist").queryParam("recordId", therapist2)
                .get("/api/v1/audit-events").then()
                .body("items.action", org.hamcrest.Matchers.hasItem("calendar-feed.revoke"));
    }
}
