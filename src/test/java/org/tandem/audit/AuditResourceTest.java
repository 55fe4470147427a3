package org.tandem.audit;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.tandem.testsupport.Api.anonymous;
import static org.tandem.testsupport.Api.as;
import static org.tandem.testsupport.Api.asIntegration;
import static org.tandem.testsupport.Api.createCouple;
import static org.tandem.testsupport.Api.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tandem.testsupport.Api;

/** Every read and change of clinical data, and every denied attempt, is in the clinic's audit log. */
@QuarkusTest
class AuditResourceTest {

    private static final String EVENTS = "/api/v1/audit-events";

    @Test
    void readsAndChangesAreAuditedWithWhoWhatWhenAndWhere() {
        Instant before = Instant.now().minusSeconds(1);
        var created = createCouple("therapist1", Api.coupleBody(unique()));
        String id = created.path("id");
        as("therapist1").get("/api/v1/couples/" + id).then().statusCode(200);
        as("therapist1").header("If-Match", created.header("ETag")).body(Map.of("status", "ACTIVE"))
                .post("/api/v1/couples/" + id + "/status").then().statusCode(200);

        ValidatableResponse events = eventsFor(id).body("totalItems", equalTo(3));
        events.body("items.action", equalTo(java.util.List.of("couple.status-change", "couple.read", "couple.create")))
                .body("items.outcome", everyItem(equalTo("SUCCESS")))
                .body("items.subject", everyItem(equalTo(Api.THERAPIST1_SUB)))
                .body("items.roles", everyItem(equalTo("therapist")))
                .body("items.clientId", everyItem(equalTo("tandem-api")))
                .body("items.recordType", everyItem(equalTo("couple")))
                .body("items.clientAddress", everyItem(notNullValue()))
                .body("items.requestId", everyItem(notNullValue()));
        String occurredAt = events.extract().path("items[2].occurredAt");
        org.junit.jupiter.api.Assertions.assertFalse(Instant.parse(occurredAt).isBefore(before));
    }

    @Test
    void theClientAddressComesFromTheProxysXForwardedFor() {
        // No trusted-proxies list here, as in a chart without proxy.trustedProxies: every peer counts as the proxy.
        String id = createCouple("therapist1", unique());
        as("therapist1").header("X-Forwarded-For", "203.0.113.7").get("/api/v1/couples/" + id).then().statusCode(200);
        eventsFor(id).body("items.find { it.action == 'couple.read' }.clientAddress", equalTo("203.0.113.7"));
    }

    @Test
    void theRequestIdOfTheResponseIsInTheEvent() {
        String id = createCouple("therapist1", unique());
        String requestId = as("therapist1").header("X-Request-Id", "trace-" + unique())
                .get("/api/v1/couples/" + id).then().statusCode(200).extract().header("X-Request-Id");
        eventsFor(id).body("items.find { it.action == 'couple.read' }.requestId", equalTo(requestId));
    }

    @Test
    void probingAnotherTherapistsCoupleIsAuditedAsNotFound() {
        String id = createCouple("therapist1", unique());
        as("therapist2").get("/api/v1/couples/" + id).then().statusCode(404);

        eventsFor(id).body("items.find { it.outcome == 'NOT_FOUND' }.subject", equalTo(Api.THERAPIST2_SUB))
                .body("items.find { it.outcome == 'NOT_FOUND' }.action", equalTo("GET /api/v1/couples/{id}"))
                .body("items.find { it.outcome == 'NOT_FOUND' }.httpStatus", equalTo(404));
    }

    @Test
    void aRoleDeniedRequestIsAuditedAsDenied() {
        String id = createCouple("therapist1", unique());
        // The read-only integration lacks couples:read.
        Api.asReadOnlyIntegration().get("/api/v1/couples/" + id).then().statusCode(403);

        eventsFor(id).body("items.find { it.outcome == 'DENIED' }.clientId", equalTo("clinic-readonly"))
                .body("items.find { it.outcome == 'DENIED' }.roles", equalTo("integration"))
                .body("items.find { it.outcome == 'DENIED' }.httpStatus", equalTo(403));
    }

    @Test
    void aStaleWriteIsAuditedAsRejected() {
        String id = createCouple("therapist1", unique());
        as("therapist1").header("If-Match", "\"41\"").body(Map.of("status", "ACTIVE"))
                .post("/api/v1/couples/" + id + "/status").then().statusCode(412);
        eventsFor(id).body("items.find { it.outcome == 'REJECTED' }.action", equalTo("POST /api/v1/couples/{id}/status"))
                .body("items.find { it.outcome == 'REJECTED' }.httpStatus", equalTo(412));
    }

    @Test
    void anotherClinicsAdminSeesNoneOfTheseEvents() {
        String id = createCouple("therapist1", unique());
        as("admin9").queryParam("recordId", id).get(EVENTS).then().statusCode(200).body("totalItems", equalTo(0));
    }

    @Test
    void filtersByActorTimeAndOutcome() {
        String id = createCouple("therapist2", unique());
        Instant now = Instant.now();
        as("admin1").queryParam("actor", Api.THERAPIST2_SUB).queryParam("recordId", id)
                .queryParam("from", now.minusSeconds(300).toString()).queryParam("to", now.plusSeconds(60).toString())
                .queryParam("outcome", "SUCCESS").get(EVENTS).then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].action", equalTo("couple.create"));
        as("admin1").queryParam("recordId", id).queryParam("to", now.minusSeconds(300).toString()).get(EVENTS).then()
                .statusCode(200).body("totalItems", equalTo(0));
    }

    @Test
    void readingTheAuditLogIsItselfAudited() {
        as("admin1").queryParam("recordType", "audit-event").get(EVENTS).then().statusCode(200);
        as("admin1").queryParam("recordType", "audit-event").queryParam("actor", "aaaaaaaa-1111-4111-8111-111111111111")
                .get(EVENTS).then().statusCode(200)
                .body("totalItems", greaterThanOrEqualTo(1))
                .body("items.action", hasItem("audit.list"));
    }

    @Test
    void onlyAdminsReadTheAuditLog() {
        anonymous().get(EVENTS).then().statusCode(401);
        as("therapist1").get(EVENTS).then().statusCode(403);
        asIntegration().get(EVENTS).then().statusCode(403);
    }

    @Test
    void badFiltersAre400NamingTheParameter() {
        Map.of("from", "yesterday", "to", "2026-01-01", "outcome", "MAYBE", "size", "1000", "page", "x")
                .forEach((param, value) -> as("admin1").queryParam(param, value).get(EVENTS).then().statusCode(400)
                        .body("violations[0].field", equalTo(param)));
        as("admin1").queryParam("from", "2026-02-01T00:00:00Z").queryParam("to", "2026-01-01T00:00:00Z")
                .get(EVENTS).then().statusCode(400).body("violations[0].field", equalTo("to"));
    }

    @Test
    void noEndpointChangesOrDeletesAnEvent() {
        String eventId = as("admin1").get(EVENTS).then().statusCode(200).extract().path("items[0].id");
        as("admin1").delete(EVENTS + "/" + eventId).then().statusCode(equalToAnyOf(404, 405));
        as("admin1").body(Map.of("outcome", "SUCCESS")).put(EVENTS + "/" + eventId).then()
                .statusCode(equalToAnyOf(404, 405));
        as("admin1").delete(EVENTS).then().statusCode(405);
        as("admin1").body(Map.of()).post(EVENTS).then().statusCode(405);
    }

    private static org.hamcrest.Matcher<Integer> equalToAnyOf(int a, int b) {
        return org.hamcrest.Matchers.anyOf(equalTo(a), equalTo(b));
    }

    private static ValidatableResponse eventsFor(String coupleId) {
        return as("admin1").queryParam("recordType", "couple").queryParam("recordId", coupleId).get(EVENTS).then()
                .statusCode(200);
    }
}
