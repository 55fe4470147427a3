package org.tandem.couple;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tandem.testsupport.Api.anonymous;
import static org.tandem.testsupport.Api.as;
import static org.tandem.testsupport.Api.asIntegration;
import static org.tandem.testsupport.Api.coupleBody;
import static org.tandem.testsupport.Api.createCouple;
import static org.tandem.testsupport.Api.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tandem.testsupport.Api;

/** Couples through HTTP with real Keycloak tokens against the real MariaDB. */
@QuarkusTest
class CoupleResourceTest {

    private static final String COUPLES = "/api/v1/couples";

    @Test
    void therapistCreatesACoupleAssignedToThemselves() {
        String marker = unique();
        Response created = createCouple("therapist1", coupleBody(marker));

        assertEquals("no-store", created.header("Cache-Control"));
        String id = created.path("id");
        created.then()
                .header("Location", containsString(COUPLES + "/" + id))
                .header("ETag", equalTo("\"" + created.path("version") + "\""))
                .header("X-Request-Id", not(emptyOrNullString()))
                .body("status", equalTo("INTAKE"))
                .body("code", matchesPattern("C-[A-Z2-9]{6}"))
                .body("primaryTherapist.displayName", equalTo("Dana Therapist"))
                .body("coTherapists", hasSize(0))
                .body("partners", hasSize(2))
                .body("partners[0].seat", equalTo(1))
                .body("partners[0].fullName", equalTo("Kit " + marker))
                .body("partners[0].recoveryRole", equalTo("IN_RECOVERY"))
                .body("partners[0].sobrietyDate", equalTo("2026-01-15"))
                .body("partners[0].dateOfBirth", equalTo("1984-02-29"))
                .body("partners[1].seat", equalTo(2))
                .body("careStartedOn", equalTo("2026-02-01"));

        as("therapist1").get(COUPLES + "/" + id).then().statusCode(200)
                .header("ETag", notNullValue())
                .body("partners[1].fullName", equalTo("Lee " + marker));
    }

    @Test
    void adminCreatesACoupleForAnotherTherapist() {
        String therapist2 = Api.therapistId("admin1", "therapist2");
        String id = createCouple("admin1", Api.coupleBodyWithPrimary(unique(), therapist2)).path("id");

        as("therapist2").get(COUPLES + "/" + id).then().statusCode(200)
                .body("primaryTherapist.id", equalTo(therapist2));
        as("therapist1").get(COUPLES + "/" + id).then().statusCode(404);
    }

    @Test
    void therapistCannotCreateACoupleForSomeoneElse() {
        var body = Api.coupleBodyWithPrimary(unique(), Api.therapistId("admin1", "therapist2"));
        as("therapist1").body(body).post(COUPLES).then().statusCode(400)
                .body("violations[0].field", equalTo("primaryTherapistId"));
    }

    @Test
    void adminCannotAssignATherapistOfAnotherClinic() {
        var body = Api.coupleBodyWithPrimary(unique(), Api.therapistId("admin9", "therapist9"));
        as("admin1").body(body).post(COUPLES).then().statusCode(400)
                .body("violations[0].field", equalTo("primaryTherapistId"));
    }

    // ---- validation: every ugly input is a 400 problem that names the field and writes nothing -----------------

    @Test
    void missingPartnersIsAFieldError() {
        String marker = unique();
        as("therapist1").body(Map.of("treatmentGoals", "goals " + marker)).post(COUPLES).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/validation"))
                .body("violations.field", hasItem("partners"));
        assertNothingWritten(marker);
    }

    @Test
    void onePartnerIsNotACouple() {
        String marker = unique();
        as("therapist1").body(Map.of("partners", List.of(Api.partner("Only " + marker)))).post(COUPLES).then()
                .statusCode(400)
                .body("violations.field", hasItem("partners"))
                .body("violations.message", hasItem("must list exactly two partners"));
        assertNothingWritten(marker);
    }

    @Test
    void blankAndHugeNamesAreRejectedWithoutEchoingThem() {
        String huge = "X".repeat(10_000);
        as("therapist1").body(Map.of("partners", List.of(Api.partner(" "), Api.partner(huge)))).post(COUPLES).then()
                .statusCode(400)
                .body("violations.field", hasItem("partners[0].fullName"))
                .body("violations.field", hasItem("partners[1].fullName"))
                .body(not(containsString("XXXXXXXXXX")));
    }

    @Test
    void unknownEnumValueNamesTheFieldAndLeaksNoClassName() {
        Map<String, Object> bad = Map.of("fullName", "Nina Secret", "recoveryRole", "ADDICT");
        as("therapist1").body(Map.of("partners", List.of(bad, Api.partner("Other")))).post(COUPLES).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/invalid-field"))
                .body("field", equalTo("partners[0].recoveryRole"))
                .body("detail", containsString("IN_RECOVERY, PARTNER"))
                .body(not(containsString("org.tandem")))
                .body(not(containsString("ADDICT")))
                .body(not(containsString("Nina")));
    }

    @Test
    void impossibleDateIsAFieldError() {
        Map<String, Object> bad = Map.of("fullName", "Dates", "dateOfBirth", "1990-02-31");
        as("therapist1").body(Map.of("partners", List.of(bad, Api.partner("Other")))).post(COUPLES).then()
                .statusCode(400)
                .body("field", equalTo("partners[0].dateOfBirth"))
                .body("detail", containsString("YYYY-MM-DD"))
                .body(not(containsString("java.")));
    }

    @Test
    void wrongTypesAreFieldErrors() {
        as("therapist1").body(Map.of("partners", "two people please")).post(COUPLES).then().log().ifValidationFails()
                .statusCode(400)
                .body("type", equalTo("/problems/invalid-field"))
                .body("field", equalTo("partners"));
        as("therapist1").body(Map.of("partners", List.of(Api.partner("A"), Api.partner("B")), "careStartedOn", 42))
                .post(COUPLES).then()
                .statusCode(400)
                .body("field", equalTo("careStartedOn"));
    }

    @Test
    void malformedJsonIsA400Problem() {
        as("therapist1").body("{\"partners\": [ {\"fullName\": \"Unclosed").post(COUPLES).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/malformed-json"))
                .body("detail", equalTo("The request body is not valid JSON."))
                .body(not(containsString("Unclosed")));
    }

    @Test
    void emptyBodyIsA400Problem() {
        as("therapist1").body("").post(COUPLES).then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void unknownFieldsAreRejectedSoNothingIsMassAssigned() {
        Map<String, Object> body = new java.util.HashMap<>(coupleBody(unique()));
        body.put("status", "DISCHARGED");
        as("therapist1").body(body).post(COUPLES).then()
                .statusCode(400)
                .body("field", equalTo("status"))
                .body("detail", equalTo("The request body has a field this endpoint does not accept."));
    }

    @Test
    void sobrietyDateOnlyForThePartnerInRecovery() {
        String marker = unique();
        Map<String, Object> partner = Map.of("fullName", "P " + marker, "recoveryRole", "PARTNER", "sobrietyDate", "2026-01-01");
        as("therapist1").body(Map.of("partners", List.of(partner, Api.partner("Q " + marker)))).post(COUPLES).then()
                .statusCode(400)
                .body("violations[0].field", equalTo("partners[0].sobrietyDate"));
        assertNothingWritten(marker);
    }

    @Test
    void birthDateInTheFutureAndBadEmailAreRejected() {
        Map<String, Object> partner = Map.of("fullName", "Future", "dateOfBirth", "2150-01-01", "email", "not-an-email");
        as("therapist1").body(Map.of("partners", List.of(partner, Api.partner("Other")))).post(COUPLES).then()
                .statusCode(400)
                .body("violations.field", hasItem("partners[0].dateOfBirth"))
                .body("violations.field", hasItem("partners[0].email"))
                .body(not(containsString("not-an-email")));
    }

    @Test
    void wrongContentTypeIs415Problem() {
        as("therapist1").contentType("text/plain").body("hello").post(COUPLES).then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/unsupported-media-type"));
    }

    // ---- authentication and roles ------------------------------------------------------------------------------

    @Test
    void everyEndpointNeedsAToken() {
        String id = createCouple("therapist1", unique());
        anonymous().get(COUPLES).then().statusCode(401);
        anonymous().body(coupleBody(unique())).post(COUPLES).then().statusCode(401);
        anonymous().get(COUPLES + "/" + id).then().statusCode(401);
        anonymous().header("If-Match", "\"0\"").body(coupleBody(unique())).put(COUPLES + "/" + id).then().statusCode(401);
        anonymous().header("If-Match", "\"0\"").body(Map.of("status", "ACTIVE")).post(COUPLES + "/" + id + "/status")
                .then().statusCode(401);
        anonymous().header("If-Match", "\"0\"").body(Map.of()).put(COUPLES + "/" + id + "/therapists").then()
                .statusCode(401);
    }

    @Test
    void aForgedTokenIs401() {
        String forged = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4IiwiY2xpbmljIjoiZGVtby1jbGluaWMifQ.c2lnbmF0dXJl";
        io.restassured.RestAssured.given().auth().oauth2(forged).get(COUPLES).then().statusCode(401);
    }

    @Test
    void integrationsReadCouplesWithTheirScopeAndChangeNothing() {
        String id = createCouple("therapist1", unique());
        String otherClinic = createCouple("therapist9", unique());
        asIntegration().queryParam("size", 100).get(COUPLES).then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(otherClinic)));
        asIntegration().get(COUPLES + "/" + id).then().statusCode(200).body("id", equalTo(id));
        asIntegration().get(COUPLES + "/" + otherClinic).then().statusCode(404);
        // Without couples:read (the read-only client has schedule:read only): 403 naming the scope.
        Api.asReadOnlyIntegration().get(COUPLES + "/" + id).then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("/problems/insufficient-scope"))
                .body("scope", equalTo("couples:read"))
                .header("WWW-Authenticate", org.hamcrest.Matchers.containsString("insufficient_scope"));
        asIntegration().body(coupleBody(unique())).post(COUPLES).then().statusCode(403);
        asIntegration().header("If-Match", "\"0\"").body(coupleBody(unique())).put(COUPLES + "/" + id).then()
                .statusCode(403);
        asIntegration().header("If-Match", "\"0\"").body(Map.of("status", "ACTIVE"))
                .post(COUPLES + "/" + id + "/status").then().statusCode(403);
        asIntegration().header("If-Match", "\"0\"").body(Map.of()).put(COUPLES + "/" + id + "/therapists").then()
                .statusCode(403);
    }

    @Test
    void onlyAdminsAssignTherapists() {
        Response couple = createCouple("therapist1", coupleBody(unique()));
        as("therapist1").header("If-Match", couple.header("ETag")).body(Map.of("coTherapistIds", List.of()))
                .put(COUPLES + "/" + couple.path("id") + "/therapists").then().statusCode(403);
    }

    // ---- object-level authorization: not yours is "not found" -------------------------------------------------

    @Test
    void anotherTherapistsCoupleIsNotFound() {
        Response couple = createCouple("therapist1", coupleBody(unique()));
        String path = COUPLES + "/" + couple.path("id");
        String etag = couple.header("ETag");
        as("therapist2").get(path).then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/not-found"));
        as("therapist2").header("If-Match", etag).body(coupleBody(unique())).put(path).then().statusCode(404);
        as("therapist2").header("If-Match", etag).body(Map.of("status", "ACTIVE")).post(path + "/status").then()
                .statusCode(404);
    }

    @Test
    void anotherClinicsCoupleIsNotFoundEvenForItsAdmin() {
        Response couple = createCouple("therapist1", coupleBody(unique()));
        String path = COUPLES + "/" + couple.path("id");
        String etag = couple.header("ETag");
        for (String outsider : List.of("therapist9", "admin9")) {
            as(outsider).get(path).then().statusCode(404);
            as(outsider).header("If-Match", etag).body(coupleBody(unique())).put(path).then().statusCode(404);
            as(outsider).header("If-Match", etag).body(Map.of("status", "ACTIVE")).post(path + "/status").then()
                    .statusCode(404);
        }
        as("admin9").header("If-Match", etag).body(Map.of("coTherapistIds", List.of()))
                .put(path + "/therapists").then().statusCode(404);
        // ... and the couple is unchanged.
        as("therapist1").get(path).then().statusCode(200).header("ETag", equalTo(etag)).body("status", equalTo("INTAKE"));
    }

    @Test
    void aNonUuidIdIsNotFound() {
        as("therapist1").get(COUPLES + "/not-a-uuid").then().statusCode(404)
                .contentType("application/problem+json");
    }

    // ---- lists -------------------------------------------------------------------------------------------------

    @Test
    void therapistsListOnlyTheirCouples() {
        String marker = unique();
        String mine = createCouple("therapist1", marker);
        String theirs = createCouple("therapist2", marker);

        as("therapist1").queryParam("q", marker).get(COUPLES).then().statusCode(200)
                .body("items.id", equalTo(List.of(mine)))
                .body("totalItems", equalTo(1));
        as("admin1").queryParam("q", marker).get(COUPLES).then().statusCode(200)
                .body("items.id", hasItem(mine)).body("items.id", hasItem(theirs)).body("totalItems", equalTo(2));
        as("admin9").queryParam("q", marker).get(COUPLES).then().statusCode(200).body("totalItems", equalTo(0));
        // The demo couples: therapist1 has C-DEMO01 and C-DEMO02, never therapist2's C-DEMO03.
        as("therapist1").queryParam("q", "C-DEMO").queryParam("sort", "code").get(COUPLES).then().statusCode(200)
                .body("items.code", equalTo(List.of("C-DEMO01", "C-DEMO02")));
        as("therapist2").queryParam("q", "C-DEMO").queryParam("sort", "code").get(COUPLES).then().statusCode(200)
                .body("items.code", equalTo(List.of("C-DEMO02", "C-DEMO03", "C-DEMO04")));
    }

    @Test
    void listFiltersByStatusAndTherapistAndPages() {
        String marker = unique();
        String therapist2 = Api.therapistId("admin1", "therapist2");
        Response first = createCouple("therapist1", coupleBody(marker));
        createCouple("therapist1", marker);
        createCouple("therapist2", marker);
        as("therapist1").header("If-Match", first.header("ETag")).body(Map.of("status", "ACTIVE"))
                .post(COUPLES + "/" + first.path("id") + "/status").then().statusCode(200);

        as("admin1").queryParam("q", marker).queryParam("status", "ACTIVE").get(COUPLES).then().statusCode(200)
                .body("items.id", equalTo(List.of((String) first.path("id"))));
        as("admin1").queryParam("q", marker).queryParam("therapistId", therapist2).get(COUPLES).then()
                .statusCode(200).body("totalItems", equalTo(1))
                .body("items.primaryTherapist.id", everyItem(equalTo(therapist2)));
        as("admin1").queryParam("q", marker).queryParam("size", 2).queryParam("page", 1).get(COUPLES).then()
                .statusCode(200)
                .body("items", hasSize(1)).body("page", equalTo(1)).body("size", equalTo(2))
                .body("totalItems", equalTo(3)).body("totalPages", equalTo(2));
        // A full page and a page past the end are counted; the last page's total comes from its rows.
        as("admin1").queryParam("q", marker).queryParam("size", 2).get(COUPLES).then().statusCode(200)
                .body("items", hasSize(2)).body("totalItems", equalTo(3)).body("totalPages", equalTo(2));
        as("admin1").queryParam("q", marker).queryParam("size", 2).queryParam("page", 5).get(COUPLES).then()
                .statusCode(200).body("items", hasSize(0)).body("totalItems", equalTo(3));
        // Search by a partner's name, case-insensitively; LIKE wildcards in the search are literal.
        as("admin1").queryParam("q", "kit " + marker.toUpperCase()).get(COUPLES).then().statusCode(200)
                .body("totalItems", equalTo(3));
        as("admin1").queryParam("q", "%").queryParam("size", 1).get(COUPLES).then().statusCode(200)
                .body("totalItems", equalTo(0));
    }

    @Test
    void listRejectsBadParametersWithTheirName() {
        Map<String, String> bad = Map.of("size", "0", "page", "-1", "status", "HAPPY", "therapistId", "me",
                "sort", "name");
        bad.forEach((param, value) -> as("admin1").queryParam(param, value).get(COUPLES).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo(param))
                .body("violations[0].in", equalTo("query")));
        as("admin1").queryParam("size", 101).get(COUPLES).then().statusCode(400)
                .body("violations[0].message", equalTo("must be between 1 and 100"));
        as("admin1").queryParam("q", "x".repeat(101)).get(COUPLES).then().statusCode(400);
        as("admin1").queryParam("size", "many").get(COUPLES).then().statusCode(400)
                .body("violations[0].field", equalTo("size"));
    }

    // ---- updates with versions ---------------------------------------------------------------------------------

    @Test
    void updateNeedsTheCurrentVersionAndKeepsPartnerIds() {
        String marker = unique();
        Response created = createCouple("therapist1", coupleBody(marker));
        String path = COUPLES + "/" + created.path("id");
        String partner1 = created.path("partners[0].id");
        Map<String, Object> changed = Map.of(
                "partners", List.of(Api.partner("Kit Renamed " + marker), Api.partner("Lee " + marker)),
                "treatmentGoals", "Honest communication");

        as("therapist1").body(changed).put(path).then().statusCode(428)
                .body("type", equalTo("/problems/precondition-required"));
        as("therapist1").header("If-Match", "\"999\"").body(changed).put(path).then().statusCode(412)
                .body("type", equalTo("/problems/stale-version"));
        as("therapist1").header("If-Match", "garbage").body(changed).put(path).then().statusCode(412);

        Response updated = as("therapist1").header("If-Match", created.header("ETag")).body(changed).put(path)
                .then().statusCode(200).extract().response();
        updated.then()
                .body("partners[0].id", equalTo(partner1))
                .body("partners[0].fullName", equalTo("Kit Renamed " + marker))
                .body("partners[0].recoveryRole", nullValue())
                .body("treatmentGoals", equalTo("Honest communication"))
                .body("careStartedOn", nullValue());
        assertEquals((int) created.path("version") + 1, (int) updated.path("version"));
        assertEquals("\"" + updated.path("version") + "\"", updated.header("ETag"));

        // The old ETag is now stale, and a stale write changes nothing.
        as("therapist1").header("If-Match", created.header("ETag")).body(coupleBody(marker)).put(path).then()
                .statusCode(412);
        as("therapist1").get(path).then().body("partners[0].fullName", equalTo("Kit Renamed " + marker));
    }

    @Test
    void concurrentEditsOfTheSameVersionNeverOverwriteEachOther() throws Exception {
        String marker = unique();
        Response created = createCouple("therapist1", coupleBody(marker));
        String path = COUPLES + "/" + created.path("id");
        String etag = created.header("ETag");
        String token = org.tandem.testsupport.Tokens.of("therapist1");
        int writers = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
        for (int i = 0; i < writers; i++) {
            String goal = "writer " + i;
            results.add(pool.submit(() -> {
                start.await();
                return io.restassured.RestAssured.given().auth().oauth2(token).contentType("application/json")
                        .header("If-Match", etag)
                        .body(Map.of("partners", List.of(Api.partner("A " + marker), Api.partner("B " + marker)),
                                "treatmentGoals", goal))
                        .put(path).statusCode();
            }));
        }
        start.countDown();
        List<Integer> statuses = new java.util.ArrayList<>();
        for (var result : results) {
            statuses.add(result.get(60, java.util.concurrent.TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), "statuses: " + statuses);
        assertEquals(writers - 1, statuses.stream().filter(s -> s == 412).count(), "statuses: " + statuses);
        as("therapist1").get(path).then().header("ETag", equalTo("\"" + ((int) created.path("version") + 1) + "\""))
                .body("treatmentGoals", startsWith("writer "));
    }

    // ---- status ------------------------------------------------------------------------------------------------

    @Test
    void statusFollowsTheAllowedTransitions() {
        Response couple = createCouple("therapist1", coupleBody(unique()));
        String path = COUPLES + "/" + couple.path("id") + "/status";
        String etag = couple.header("ETag");

        etag = changeStatus(path, etag, "ACTIVE").then().statusCode(200).body("status", equalTo("ACTIVE"))
                .extract().header("ETag");
        changeStatus(path, etag, "INTAKE").then().statusCode(409)
                .body("type", equalTo("/problems/invalid-status-transition"))
                .body("detail", containsString("ACTIVE"));
        changeStatus(path, etag, "ACTIVE").then().statusCode(409);
        etag = changeStatus(path, etag, "PAUSED").then().statusCode(200).extract().header("ETag");
        etag = changeStatus(path, etag, "ACTIVE").then().statusCode(200).extract().header("ETag");
        etag = changeStatus(path, etag, "DISCHARGED").then().statusCode(200).extract().header("ETag");
        changeStatus(path, etag, "ACTIVE").then().statusCode(409);
        changeStatus(path, etag, "INTAKE").then().statusCode(200).body("status", equalTo("INTAKE"));
    }

    @Test
    void statusBodyMustNameAKnownStatus() {
        Response couple = createCouple("therapist1", coupleBody(unique()));
        String path = COUPLES + "/" + couple.path("id") + "/status";
        changeStatus(path, couple.header("ETag"), "CURED").then().statusCode(400).body("field", equalTo("status"));
        as("therapist1").header("If-Match", couple.header("ETag")).body(Map.of()).post(path).then().statusCode(400)
                .body("violations[0].field", equalTo("status"));
        as("therapist1").get(COUPLES + "/" + couple.path("id")).then().body("status", equalTo("INTAKE"));
    }

    // ---- therapist assignment ----------------------------------------------------------------------------------

    @Test
    void adminAssignsCoTherapistsWhoThenSeeTheCouple() {
        Response couple = createCouple("therapist1", coupleBody(unique()));
        String path = COUPLES + "/" + couple.path("id");
        String therapist1 = Api.therapistId("admin1", "therapist1");
        String therapist2 = Api.therapistId("admin1", "therapist2");
        as("therapist2").get(path).then().statusCode(404);

        String etag = as("admin1").header("If-Match", couple.header("ETag"))
                .body(Map.of("primaryTherapistId", therapist1, "coTherapistIds", List.of(therapist2, therapist1)))
                .put(path + "/therapists").then().statusCode(200)
                .body("primaryTherapist.id", equalTo(therapist1))
                .body("coTherapists.id", equalTo(List.of(therapist2)))
                .extract().header("ETag");
        as("therapist2").get(path).then().statusCode(200);

        as("admin1").header("If-Match", etag).body(Map.of("primaryTherapistId", therapist2))
                .put(path + "/therapists").then().statusCode(200).body("coTherapists", hasSize(0));
        as("therapist1").get(path).then().statusCode(404);
        as("therapist2").get(path).then().statusCode(200);
    }

    @Test
    void assignmentRejectsTherapistsOfOtherClinicsAndUnknownIds() {
        Response couple = createCouple("therapist1", coupleBody(unique()));
        String path = COUPLES + "/" + couple.path("id") + "/therapists";
        String therapist9 = Api.therapistId("admin9", "therapist9");
        as("admin1").header("If-Match", couple.header("ETag")).body(Map.of("coTherapistIds", List.of(therapist9)))
                .put(path).then().statusCode(400).body("violations[0].field", equalTo("coTherapistIds"));
        as("admin1").header("If-Match", couple.header("ETag"))
                .body(Map.of("primaryTherapistId", java.util.UUID.randomUUID().toString())).put(path).then()
                .statusCode(400).body("violations[0].field", equalTo("primaryTherapistId"));
        as("admin1").header("If-Match", couple.header("ETag")).body(Map.of("primaryTherapistId", "nope"))
                .put(path).then().statusCode(400).body("field", equalTo("primaryTherapistId"));
        as("therapist1").get(COUPLES + "/" + couple.path("id")).then().header("ETag", equalTo(couple.header("ETag")));
    }

    private static Response changeStatus(String path, String etag, String status) {
        return as("therapist1").header("If-Match", etag).body(Map.of("status", status)).post(path);
    }

    private static void assertNothingWritten(String marker) {
        as("admin1").queryParam("q", marker).get(COUPLES).then().statusCode(200).body("totalItems", equalTo(0));
    }
}
