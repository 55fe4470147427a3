package org.tandem.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tandem.testsupport.Api.as;
import static org.tandem.testsupport.Api.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tandem.boundary.BoundaryResourceTest;
import org.tandem.export.ExportWorker;
import org.tandem.questionnaire.QuestionnaireResourceTest;
import org.tandem.ratelimit.RateLimiter;
import org.tandem.security.AccessRules.Kind;
import org.tandem.security.AccessRules.Rule;
import org.tandem.testsupport.Api;
import org.tandem.testsupport.Bookings;
import org.tandem.testsupport.Management;
import org.tandem.testsupport.Partners;
import org.tandem.testsupport.Slots;
import org.tandem.testsupport.Tokens;

/**
 * The access matrix, walked: every operation of the OpenAPI document, for every kind of caller, against
 * {@link AccessRules}. An operation without a rule fails here; so does a rule the server does not enforce. For
 * each operation: no token is 401; a kind the rule does not admit is 403 (an integration without the scope:
 * insufficient_scope); an admitted kind gets 404 for another clinic's records (and a therapist for another
 * therapist's couples), and every read succeeds on its own records. Writes succeed in their features' tests.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

    /** The callers, one demo account of each kind. */
    enum Who {
        ADMIN("admin1", Kind.ADMIN), THERAPIST("therapist1", Kind.THERAPIST), INTEGRATION(null, Kind.INTEGRATION),
        /** The first partner of therapist1's fixture couple, invited and activated through the API. */
        PARTNER(null, Kind.PARTNER);

        final String username;
        final Kind kind;

        Who(String username, Kind kind) {
            this.username = username;
            this.kind = kind;
        }

        RequestSpecification given() {
            if (this == PARTNER) {
                return Partners.as("therapist1", partnerOf[0], partnerOf[1]);
            }
            String token = this == INTEGRATION ? Tokens.integration() : Tokens.of(username);
            return io.restassured.RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON);
        }
    }

    record Op(String method, String path, String id, boolean hasBody, Set<String> query) {

        String where() {
            return method.toUpperCase() + " " + path + " (" + id + ")";
        }

        boolean hasPathIds() {
            return path.contains("{");
        }

        /** A couple's record, or a therapist's own export: another therapist's is not theirs to reach. */
        boolean ownedByATherapist() {
            return path.startsWith("/api/v1/couples/{") || path.startsWith("/api/v1/sessions/{")
                    || path.startsWith("/api/v1/session-series/{") || path.startsWith("/api/v1/exports/{");
        }
    }

    /** Records of one therapist's couple, and of their clinic, for filling in the path ids. */
    record Fixture(Map<String, String> ids) {

        String path(String template) {
            Matcher m = Pattern.compile("\\{(\\w+)}").matcher(template);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String name = m.group(1);
                String value = "id".equals(name) ? ids.get(collectionBefore(template, m.start())) : ids.get(name);
                m.appendReplacement(out, value == null ? UUID.randomUUID().toString() : value);
            }
            return m.appendTail(out).toString();
        }

        private static String collectionBefore(String template, int at) {
            String before = template.substring(0, at - 1);
            return before.substring(before.lastIndexOf('/') + 1);
        }
    }

    /** The couple and partner ids Who.PARTNER signs in as. */
    private static final String[] partnerOf = new String[2];

    @Inject
    ExportWorker exports;

    @Inject
    RateLimiter limiter;

    private List<Op> operations;
    private Fixture own;
    private Fixture otherTherapists;
    private Fixture otherClinics;

    /** Once for the class; in a test, not in @BeforeAll, because REST Assured learns the app's port per test. */
    @BeforeEach
    void walkTheDocumentAndMakeRecords() {
        if (operations != null) {
            return;
        }
        operations = operations();
        own = fixture("therapist1", "admin1");
        partnerOf[0] = own.ids().get("coupleId");
        partnerOf[1] = own.ids().get("partnerId");
        // The account exists before the walk reads it, with a calendar feed of its own.
        Partners.as("therapist1", partnerOf[0], partnerOf[1]).post("/api/v1/me/calendar-feed").then().statusCode(200);
        otherTherapists = fixture("therapist2", "admin1");
        otherClinics = fixture("therapist9", "admin9");
    }

    @Test
    void everyOperationHasARuleAndEveryRuleAnOperation() {
        Set<String> documented = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (Op op : operations) {
            documented.add(op.id());
            if (AccessRules.of(op.id()).isEmpty()) {
                problems.add(op.where() + " has no rule in AccessRules");
            }
        }
        for (String id : AccessRules.all().keySet()) {
            if (!documented.contains(id)) {
                problems.add(id + " has a rule but no operation");
            }
        }
        assertTrue(operations.size() > 90, "the document was read: " + operations.size());
        assertEquals(List.of(), problems);
    }

    /** The words the document shows are the kinds the server admits, so neither drifts from the other. */
    @Test
    void everyRuleSaysWhoItAdmits() {
        List<String> problems = new ArrayList<>();
        AccessRules.all().forEach((id, rule) -> {
            for (Kind kind : List.of(Kind.ADMIN, Kind.THERAPIST, Kind.PARTNER)) {
                boolean said = rule.people().contains(kind.name().toLowerCase());
                if (said != rule.admits(kind)) {
                    problems.add(id + ": says " + rule.people() + " but admits " + rule.kinds());
                }
            }
            if (rule.admits(Kind.INTEGRATION) != (rule.scope() != null)) {
                problems.add(id + ": an integration needs a scope, and a scope an integration");
            }
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void withoutATokenEveryOperationIs401() {
        List<String> problems = new ArrayList<>();
        for (Op op : operations) {
            Rule rule = AccessRules.of(op.id()).orElseThrow();
            Response response = request(given().contentType(ContentType.JSON), op, own);
            if (rule.isPublic()) {
                // Its credential is in the request (the feed's secret URL, an activation code): never 401/403/5xx.
                int status = response.statusCode();
                if (status == 401 || status == 403 || status >= 500) {
                    problems.add(op.where() + ": " + status + " without a token, though its rule is public");
                }
            } else if (response.statusCode() != 401) {
                problems.add(op.where() + ": " + response.statusCode() + " instead of 401");
            } else if (!"/problems/unauthenticated".equals(response.path("type"))) {
                problems.add(op.where() + ": 401 without the unauthenticated problem");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void aKindTheRuleDoesNotAdmitIs403() {
        List<String> problems = new ArrayList<>();
        for (Op op : operations) {
            Rule rule = AccessRules.of(op.id()).orElseThrow();
            for (Who who : Who.values()) {
                if (rule.isPublic() || rule.admits(who.kind)) {
                    continue;
                }
                Response response = request(who.given(), op, own);
                if (response.statusCode() != 403 || !"/problems/forbidden".equals(response.path("type"))) {
                    problems.add(op.where() + " as " + who + ": " + response.statusCode() + " " + response.path("type"));
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    /** clinic-readonly holds schedule:read only: every other scope is refused, naming the scope it lacks. */
    @Test
    void anIntegrationWithoutTheScopeIs403InsufficientScope() {
        List<String> problems = new ArrayList<>();
        int admitted = 0;
        for (Op op : operations) {
            Rule rule = AccessRules.of(op.id()).orElseThrow();
            if (!rule.admits(Kind.INTEGRATION)) {
                continue;
            }
            limiter.reset(); // clinic-readonly is the rate-limited client of the test profile
            Response response = request(Api.asReadOnlyIntegration(), op, own);
            if (Scopes.SCHEDULE_READ.equals(rule.scope())) {
                admitted++;
                if (response.statusCode() == 401 || response.statusCode() == 403) {
                    problems.add(op.where() + ": refused with schedule:read: " + response.statusCode());
                }
            } else if (response.statusCode() != 403 || !"/problems/insufficient-scope".equals(response.path("type"))
                    || !rule.scope().equals(response.path("scope"))
                    || !String.valueOf(response.header("WWW-Authenticate")).contains("insufficient_scope")) {
                problems.add(op.where() + ": " + response.statusCode() + " " + response.path("type"));
            }
        }
        limiter.reset();
        assertTrue(admitted >= 2, "the schedule:read operations were tried: " + admitted);
        assertEquals(List.of(), problems);
    }

    @Test
    void anotherClinicsRecordsAreNotFound() {
        List<String> problems = new ArrayList<>();
        for (Op op : operations) {
            Rule rule = AccessRules.of(op.id()).orElseThrow();
            if (!op.hasPathIds() || rule.isPublic() || op.id().equals("InstrumentResource_get")) {
                continue; // instruments are the same catalogue for every clinic
            }
            for (Who who : Who.values()) {
                if (rule.admits(who.kind)) {
                    expectNotFound(problems, op, who, otherClinics);
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void anotherTherapistsCouplesAreNotFound() {
        List<String> problems = new ArrayList<>();
        for (Op op : operations) {
            if (op.ownedByATherapist() && AccessRules.of(op.id()).orElseThrow().admits(Kind.THERAPIST)) {
                expectNotFound(problems, op, Who.THERAPIST, otherTherapists);
            }
        }
        assertEquals(List.of(), problems);
    }

    /** A partner reaches their own couple only: another couple of the same clinic is not found either. */
    @Test
    void anotherCouplesRecordsAreNotFoundForAPartner() {
        List<String> problems = new ArrayList<>();
        int tried = 0;
        for (Op op : operations) {
            if (op.hasPathIds() && AccessRules.of(op.id()).orElseThrow().admits(Kind.PARTNER)) {
                tried++;
                expectNotFound(problems, op, Who.PARTNER, otherTherapists);
            }
        }
        assertTrue(tried >= 5, "partner operations with path ids tried: " + tried);
        assertEquals(List.of(), problems);
    }

    @Test
    void everyReadSucceedsForEveryKindItAdmits() {
        List<String> problems = new ArrayList<>();
        int reads = 0;
        for (Op op : operations) {
            Rule rule = AccessRules.of(op.id()).orElseThrow();
            if (!op.method().equals("get") || rule.isPublic()) {
                continue;
            }
            for (Who who : Who.values()) {
                if (!rule.admits(who.kind)) {
                    continue;
                }
                reads++;
                Response response = request(who.given(), op, own);
                if (response.statusCode() != 200) {
                    problems.add(op.where() + " as " + who + ": " + response.statusCode() + " "
                            + response.asString().substring(0, Math.min(200, response.asString().length())));
                }
            }
        }
        assertTrue(reads > 60, "reads tried: " + reads);
        assertEquals(List.of(), problems);
    }

    /**
     * A record the caller may not reach is not found: strictly 404 where nothing else is checked first; with a body
     * (sent empty here) Bean Validation may answer 400 before the record is looked up, which also reveals nothing.
     */
    private void expectNotFound(List<String> problems, Op op, Who who, Fixture theirs) {
        Response response = request(who.given(), op, theirs);
        int status = response.statusCode();
        boolean ok = op.hasBody() ? status == 404 || status == 400 : status == 404;
        if (!ok) {
            problems.add(op.where() + " as " + who + " on another's record: " + status);
        }
    }

    private static Response request(RequestSpecification spec, Op op, Fixture fixture) {
        spec.accept("*/*").header("If-Match", "\"0\"");
        if (op.hasBody()) {
            spec.body("{}");
        }
        QUERY.getOrDefault(op.id(), Map.of()).forEach(spec::queryParam);
        return spec.request(op.method().toUpperCase(), fixture.path(op.path()));
    }

    /** The query parameters a read requires. */
    private static final Map<String, Map<String, String>> QUERY = Map.of("AvailabilityResource_freeSlots",
            Map.of("from", "2031-01-06", "to", "2031-01-10"), "MyQuestionnaireResource_report",
            Map.of("instrument", "phq-9"));

    private static List<Op> operations() {
        JsonPath doc = Management.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        List<Op> ops = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, op) -> {
            if (!path.startsWith("/api/v1")) {
                return;
            }
            Set<String> query = new TreeSet<>();
            if (op.get("parameters") instanceof List<?> parameters) {
                for (Object p : parameters) {
                    Map<?, ?> parameter = (Map<?, ?>) p;
                    if ("query".equals(parameter.get("in"))) {
                        query.add((String) parameter.get("name"));
                    }
                }
            }
            ops.add(new Op(method, path, (String) op.get("operationId"), op.get("requestBody") != null, query));
        }));
        return ops;
    }

    /** A couple of the therapist's with one of each record, and the clinic's own records, made through the API. */
    private Fixture fixture(String therapist, String admin) {
        Map<String, String> ids = new HashMap<>();
        Response couple = Api.createCouple(therapist, Api.coupleBody(unique()));
        String coupleId = couple.path("id");
        String partnerId = couple.path("partners[0].id");
        ids.put("coupleId", coupleId);
        ids.put("couples", coupleId);
        ids.put("partnerId", partnerId);
        ids.put("therapistId", as(therapist).get("/api/v1/couples/" + coupleId).then().extract()
                .path("primaryTherapist.id"));
        ids.put("staff", ids.get("therapistId"));

        LocalDate day = Slots.anyDay();
        String session = Bookings.book(therapist, Bookings.session(coupleId, day + "T10:00", day + "T10:50")).path("id");
        ids.put("sessions", session);
        ids.put("sessionId", session);
        ids.put("notifications", as(admin).queryParam("sessionId", session).get("/api/v1/notifications").then()
                .statusCode(200).extract().path("[0].id"));
        as(therapist).body(Map.of("template", "SOAP", "psychotherapy", false, "content", Map.of("sections",
                Map.of("subjective", "s", "objective", "o", "assessment", "a", "plan", "p"))))
                .post("/api/v1/sessions/" + session + "/note").then().statusCode(201);
        ids.put("session-series", as(therapist).body(Map.of("coupleId", coupleId, "kind", "JOINT",
                "modality", "IN_PERSON", "location", "Room 2", "firstStart", Slots.window() + "T08:00",
                "durationMinutes", 50, "count", 2)).post("/api/v1/session-series").then().statusCode(201)
                .extract().path("id"));

        String exercise = as(therapist).queryParam("size", 1).get("/api/v1/exercises").then().statusCode(200)
                .extract().path("items[0].id");
        ids.put("exercises", exercise);
        ids.put("number", "1");
        ids.put("assignments", as(therapist).body(Map.of("exerciseId", exercise, "startsOn",
                LocalDate.now().minusDays(14).toString()))
                .post("/api/v1/couples/" + coupleId + "/assignments").then().statusCode(201).extract().path("id"));
        ids.put("boundaries", as(therapist).body(BoundaryResourceTest.boundary("Boundary " + unique(), partnerId, null,
                LocalDate.now().minusDays(30), null)).post("/api/v1/couples/" + coupleId + "/boundaries").then()
                .statusCode(201).extract().path("id"));
        ids.put("boundaryId", ids.get("boundaries"));
        ids.put("diagnoses", as(therapist).body(Map.of("code", "F41.1")).post("/api/v1/couples/" + coupleId
                + "/partners/" + partnerId + "/diagnoses").then().statusCode(201).extract().path("id"));
        as(therapist).body(org.tandem.safetyplan.SafetyPlanTest.sections("Call my sponsor")).post("/api/v1/couples/"
                + coupleId + "/partners/" + partnerId + "/safety-plan").then().statusCode(201);
        String planEtag = as(therapist).body(org.tandem.treatmentplan.TreatmentPlanTest.plan("m", partnerId, null,
                LocalDate.now().plusMonths(2))).post("/api/v1/couples/" + coupleId + "/treatment-plan").then()
                .statusCode(201).extract().header("ETag");
        as(therapist).header("If-Match", planEtag).post("/api/v1/couples/" + coupleId + "/treatment-plan/sign")
                .then().statusCode(200);
        String template = as(admin).body(Map.of("kind", "TELEHEALTH", "title", "Telehealth " + unique(), "text",
                "Video sessions.", "requiredBeforeFirstSession", false)).post("/api/v1/consent-templates").then()
                .statusCode(201).extract().path("id");
        ids.put("consent-templates", template);
        ids.put("templateId", template);
        io.restassured.path.json.JsonPath form = as(admin).get("/api/v1/consent-templates/" + template).then()
                .statusCode(200).extract().jsonPath();
        String signature = Partners.as(therapist, coupleId, partnerId).body(Map.of("version", 1, "textSha256",
                form.getString("current.textSha256"), "typedName", "Kit")).post("/api/v1/me/consents/" + template
                + "/signatures").then().statusCode(201).extract().path("id");
        ids.put("consents", signature);
        ids.put("consent-signatures", signature);
        Map<String, Object> phq9 = new HashMap<>(QuestionnaireResourceTest.answers("phq-9", partnerId,
                List.of(0, 0, 0, 0, 0, 0, 0, 0, 0), "THERAPIST"));
        phq9.put("private", false); // what a clinic-wide integration may read
        // Yesterday in Berlin is never in the future of the other clinic (New York), whatever the time of day;
        // Berlin's today is, between 23:00 and 05:00 UTC.
        phq9.put("date", LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).minusDays(1).toString());
        ids.put("questionnaires", as(therapist).body(phq9).post("/api/v1/couples/" + coupleId
                + "/questionnaires").then().statusCode(201).extract().path("id"));
        ids.put("key", "phq-9");
        ids.put("questionnaire-assignments", as(therapist).body(Map.of("instrument", "csi-16"))
                .post("/api/v1/couples/" + coupleId + "/questionnaire-assignments").then().statusCode(201).extract()
                .path("id"));

        // The recovery work: a disclosure Kit (the partner in recovery, whom Who.PARTNER signs in as) drafts, Kit's
        // restitution letter, and a screening.
        String disclosure = as(therapist).body(Map.of()).post("/api/v1/couples/" + coupleId + "/disclosures").then()
                .statusCode(201).extract().path("id");
        ids.put("disclosures", disclosure);
        Partners.as(therapist, coupleId, partnerId).header("If-Match", "\"0\"").body(Map.of("text", "Draft"))
                .put("/api/v1/me/disclosures/" + disclosure + "/document").then().statusCode(200);
        ids.put("questionId", Partners.as(therapist, coupleId, couple.path("partners[1].id")).body(Map.of("text",
                "A question")).post("/api/v1/me/disclosures/" + disclosure + "/questions").then().statusCode(201)
                .extract().path("id"));
        ids.put("letters", Partners.as(therapist, coupleId, partnerId).body(Map.of("kind", "RESTITUTION", "text",
                "Letter")).post("/api/v1/me/letters").then().statusCode(201).extract().path("id"));
        ids.put("polygraphs", as(therapist).body(Map.of("kind", "MAINTENANCE", "examinedOn", "2026-01-05",
                "examiner", "R. Examiner", "questions", java.util.List.of(Map.of("text", "Asked", "outcome", "PASS"))))
                .post("/api/v1/couples/" + coupleId + "/polygraphs").then().statusCode(201).extract().path("id"));
        ids.put("ipv-screenings", as(therapist).body(Map.of("method", "HITS", "result", "NO_CONCERN"))
                .post("/api/v1/couples/" + coupleId + "/partners/" + partnerId + "/ipv-screenings").then()
                .statusCode(201).extract().path("id"));

        ids.put("exports", as(therapist).body(Map.of("kind", "OBSERVATIONS", "format", "CSV",
                "from", "2026-01-01", "to", "2026-03-01")).post("/api/v1/exports").then().statusCode(202)
                .extract().path("id"));
        exports.runPending(); // its content is ready to read
        String feed = as(therapist).post("/api/v1/calendar-feed").then().statusCode(200).extract().path("url");
        ids.put("token", feed.substring(feed.lastIndexOf('/') + 1, feed.length() - ".ics".length()));
        ids.put("webhooks", as(admin).body(Map.of("url", "http://127.0.0.1:9/hook", "events",
                List.of("session.scheduled"))).post("/api/v1/webhooks").then().statusCode(201).extract().path("id"));
        return new Fixture(ids);
    }
}
