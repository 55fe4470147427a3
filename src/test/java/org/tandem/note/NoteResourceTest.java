package org.tandem.note;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tandem.testsupport.Bookings.book;
import static org.tandem.testsupport.Bookings.coupleWithBothTherapists;
import static org.tandem.testsupport.Bookings.session;
import static org.tandem.testsupport.Api.anonymous;
import static org.tandem.testsupport.Api.as;
import static org.tandem.testsupport.Api.asIntegration;
import static org.tandem.testsupport.Api.unique;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.tandem.testsupport.Api;
import org.tandem.testsupport.DatabaseDump;
import org.tandem.testsupport.Slots;
import org.tandem.testsupport.Tokens;

@QuarkusTest
class NoteResourceTest {

    @Inject
    AgroalDataSource database;

    @Inject
    org.tandem.export.ExportWorker exports;

    // ---- writing, signing, addenda ------------------------------------------------------------------------------

    @Test
    void theSessionsTherapistWritesAndReadsASoapNote() {
        String marker = unique();
        String sessionId = sharedSession();
        Response created = write("therapist1", sessionId, soap("Felt unheard " + marker), false);
        created.then().statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .body("access", equalTo("FULL"))
                .body("status", equalTo("DRAFT"))
                .body("template", equalTo("SOAP"))
                .body("revision", equalTo(1))
                .body("content.sections.subjective", equalTo("Felt unheard " + marker))
                .body("content.riskFlags", equalTo(List.of("RELAPSE")))
                .body("content.interventions", equalTo(List.of("Emotionally focused reflection")))
                .body("author.displayName", equalTo("Dana Therapist"));
        as("therapist1").get(path(sessionId)).then().statusCode(200)
                .body("content.sections.plan", equalTo("Daily check-in"))
                .body("content.nextSteps", equalTo("Review boundary agreement"));
    }

    @Test
    void aSignedNoteNeverChangesButTakesAddenda() {
        String sessionId = sharedSession();
        Response draft = write("therapist1", sessionId, soap("Original " + unique()), false);
        Response signed = as("therapist1").header("If-Match", draft.header("ETag")).post(path(sessionId) + "/sign")
                .then().statusCode(200).body("status", equalTo("SIGNED")).body("signedAt", notNullValue())
                .extract().response();
        String original = signed.path("content.sections.subjective");

        as("therapist1").header("If-Match", signed.header("ETag")).body(request(soap("Rewritten"), false))
                .put(path(sessionId)).then().statusCode(409).body("type", equalTo("/problems/note-signed"));
        as("therapist1").header("If-Match", signed.header("ETag")).post(path(sessionId) + "/sign").then()
                .statusCode(409);

        as("therapist1").body(Map.of("text", "Correction: the check-in is twice daily.")).post(path(sessionId) + "/addenda")
                .then().statusCode(201)
                .body("content.sections.subjective", equalTo(original))
                .body("addenda", hasSize(1))
                .body("addenda[0].text", equalTo("Correction: the check-in is twice daily."))
                .body("addenda[0].author.displayName", equalTo("Dana Therapist"));
        // A co-therapist of the couple adds one too, and co-signs.
        as("therapist2").body(Map.of("text", "Agree.")).post(path(sessionId) + "/addenda").then().statusCode(201)
                .body("addenda", hasSize(2)).body("addenda[1].author.displayName", equalTo("Sam Counselor"));
        String etag = as("therapist2").get(path(sessionId)).then().extract().header("ETag");
        as("therapist2").header("If-Match", etag).post(path(sessionId) + "/cosign").then().statusCode(200)
                .body("cosignedBy.displayName", equalTo("Sam Counselor"));
        as("therapist1").header("If-Match", as("therapist1").get(path(sessionId)).header("ETag"))
                .post(path(sessionId) + "/cosign").then().statusCode(409);
    }

    @Test
    void aDraftIsEditedNotAmended() {
        String sessionId = sharedSession();
        Response draft = write("therapist1", sessionId, soap("v1"), false);
        as("therapist1").body(Map.of("text", "x")).post(path(sessionId) + "/addenda").then().statusCode(409)
                .body("type", equalTo("/problems/note-not-signed"));
        as("therapist2").header("If-Match", draft.header("ETag")).post(path(sessionId) + "/cosign").then()
                .statusCode(409);
        Response v2 = as("therapist1").header("If-Match", draft.header("ETag")).body(request(soap("v2"), false))
                .put(path(sessionId)).then().statusCode(200).body("revision", equalTo(2))
                .body("content.sections.subjective", equalTo("v2")).extract().response();
        as("therapist1").get(path(sessionId) + "/history").then().statusCode(200)
                .body("revisions.revision", equalTo(List.of(1, 2)))
                .body("revisions[1].savedBy.displayName", equalTo("Dana Therapist"));
        as("therapist2").get(path(sessionId) + "/history").then().statusCode(403);
        assertEquals("\"1\"", v2.header("ETag"));
    }

    @Test
    void staleAndMissingVersionsChangeNothing() {
        String sessionId = sharedSession();
        Response draft = write("therapist1", sessionId, soap("kept"), false);
        as("therapist1").body(request(soap("lost"), false)).put(path(sessionId)).then().statusCode(428);
        as("therapist1").header("If-Match", "\"5\"").body(request(soap("lost"), false)).put(path(sessionId)).then()
                .statusCode(412);
        // * would be an unconditional overwrite: refused as a missing precondition, not reported as outdated
        as("therapist1").header("If-Match", "*").body(request(soap("lost"), false)).put(path(sessionId)).then()
                .statusCode(428).contentType("application/problem+json")
                .body("type", equalTo("/problems/precondition-required"))
                .body("detail", containsString("If-Match: * matches any version"));
        as("therapist1").post(path(sessionId) + "/sign").then().statusCode(428);
        as("therapist1").get(path(sessionId)).then().header("ETag", equalTo(draft.header("ETag")))
                .body("content.sections.subjective", equalTo("kept"));
    }

    @Test
    void twoEditorsOfOneVersionNeverOverwriteEachOther() throws Exception {
        String sessionId = sharedSession();
        Response draft = write("therapist1", sessionId, soap("base"), false);
        String token = Tokens.of("therapist1");
        int editors = 6;
        ExecutorService pool = Executors.newFixedThreadPool(editors);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < editors; i++) {
            Map<String, Object> body = request(soap("editor " + i), false);
            results.add(pool.submit(() -> {
                start.await();
                return io.restassured.RestAssured.given().auth().oauth2(token).contentType("application/json")
                        .header("If-Match", draft.header("ETag")).body(body).put(path(sessionId)).statusCode();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> r : results) {
            statuses.add(r.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), "statuses: " + statuses);
        assertEquals(editors - 1, statuses.stream().filter(s -> s == 412).count(), "statuses: " + statuses);
        as("therapist1").get(path(sessionId) + "/history").then().body("revisions", hasSize(2));
    }

    // ---- who reads what -----------------------------------------------------------------------------------------

    @Test
    void adminsSeeOnlyMetadata() {
        String marker = unique();
        String sessionId = sharedSession();
        write("therapist1", sessionId, soap("Secret " + marker), false);
        String body = as("admin1").get(path(sessionId)).then().statusCode(200)
                .body("access", equalTo("METADATA"))
                .body("content", nullValue())
                .body("status", equalTo("DRAFT"))
                .body("author.displayName", equalTo("Dana Therapist"))
                .extract().asString();
        assertFalse(body.contains(marker));
        as("admin1").queryParam("recordType", "note").get("/api/v1/audit-events").then()
                .body("items.action", hasItem("note.read-metadata"));
    }

    @Test
    void aPsychotherapyNoteIsForItsAuthorAlone() {
        String sessionId = sharedSession();
        write("therapist1", sessionId, soap("Private process notes"), true).then().statusCode(201)
                .body("psychotherapy", equalTo(true));
        as("therapist1").get(path(sessionId)).then().statusCode(200).body("content.sections.subjective",
                equalTo("Private process notes"));
        as("therapist2").get(path(sessionId)).then().statusCode(404);
        as("admin1").get(path(sessionId)).then().statusCode(404);
        asIntegration().get(path(sessionId)).then().statusCode(403);
        as("therapist2").body(Map.of("text", "x")).post(path(sessionId) + "/addenda").then().statusCode(404);
    }

    @Test
    void aPsychotherapyNoteLeavesNoTraceAnotherRoleCanRead() throws Exception {
        // A receiver of note.signed, to see what the clinic's software would learn.
        String endpoint = as("admin1").body(Map.of("url", "http://127.0.0.1:9/notes", "events", List.of("note.signed")))
                .post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
        String privateSession = sharedSession();
        Response draft = write("therapist1", privateSession, soap("Private process notes"), true);
        String privateNote = draft.path("id");
        as("therapist1").header("If-Match", draft.header("ETag")).post(path(privateSession) + "/sign").then()
                .statusCode(200);
        // The same steps with an ordinary note: they are seen, so the absences below are not a blind spot.
        String sharedSessionId = sharedSession();
        Response ordinary = write("therapist1", sharedSessionId, soap("Shared notes"), false);
        as("therapist1").header("If-Match", ordinary.header("ETag")).post(path(sharedSessionId) + "/sign").then()
                .statusCode(200);
        try {
            as("admin1").get("/api/v1/webhooks/" + endpoint + "/deliveries").then().statusCode(200)
                    .body("size()", equalTo(1)).body("[0].eventType", equalTo("note.signed"));
            as("admin1").queryParam("recordId", privateNote).get("/api/v1/audit-events").then().statusCode(200)
                    .body("totalItems", equalTo(0));
            as("admin1").queryParam("recordType", "psychotherapy-note").get("/api/v1/audit-events").then()
                    .statusCode(200).body("totalItems", equalTo(0));
            as("admin1").queryParam("recordId", ordinary.path("id").toString()).get("/api/v1/audit-events").then()
                    .statusCode(200).body("items.action", hasItem("note.sign"));
            LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Berlin"));
            String export = as("admin1").body(Map.of("kind", "AUDIT_LOG", "format", "CSV", "from",
                    today.minusDays(1).toString(), "to", today.toString())).post("/api/v1/exports").then()
                    .statusCode(202).extract().path("id");
            exports.runPending();
            String csv = as("admin1").get("/api/v1/exports/" + export + "/content").then().statusCode(200).extract()
                    .asString();
            assertFalse(csv.contains(privateNote), "the audit export names the psychotherapy note");
            assertTrue(csv.contains(ordinary.path("id").toString()), "the audit export names the ordinary note");
            // The author's own events are written all the same.
            try (Connection c = database.getConnection(); PreparedStatement q = c.prepareStatement(
                    "select count(*) from audit_event where record_id = ? and record_type = 'psychotherapy-note'")) {
                q.setString(1, privateNote);
                try (ResultSet r = q.executeQuery()) {
                    r.next();
                    assertEquals(2, r.getInt(1), "the note's creation and its signature");
                }
            }
        } finally {
            as("admin1").delete("/api/v1/webhooks/" + endpoint).then().statusCode(200);
        }
    }

    @Test
    void whetherANoteIsAPsychotherapyNoteIsSettledWhenItIsWritten() {
        String sessionId = sharedSession();
        Response draft = write("therapist1", sessionId, soap("Private process notes"), true);
        as("therapist1").header("If-Match", draft.header("ETag")).body(request(soap("Now shared?"), false))
                .put(path(sessionId)).then().statusCode(409).body("type", equalTo("/problems/note-kind-fixed"));
        // Leaving the flag out keeps it: a forgetful client cannot expose the draft.
        Map<String, Object> withoutFlag = new HashMap<>(request(soap("Edited privately"), false));
        withoutFlag.remove("psychotherapy");
        as("therapist1").header("If-Match", draft.header("ETag")).body(withoutFlag).put(path(sessionId)).then()
                .statusCode(200).body("psychotherapy", equalTo(true));
        as("therapist2").get(path(sessionId)).then().statusCode(404);
    }

    @Test
    void onlyTheSessionsTherapistWritesItsNote() {
        String sessionId = sharedSession();
        write("therapist2", sessionId, soap("not mine"), false).then().statusCode(403);
        as("admin1").body(request(soap("x"), false)).post(path(sessionId)).then().statusCode(403);
        write("therapist1", sessionId, soap("mine"), false).then().statusCode(201);
        write("therapist1", sessionId, soap("again"), false).then().statusCode(409)
                .body("type", equalTo("/problems/note-exists"));
        as("therapist2").header("If-Match", "\"0\"").body(request(soap("edit"), false)).put(path(sessionId)).then()
                .statusCode(403);
    }

    @Test
    void notesFollowTheRoleMatrix() {
        String sessionId = sharedSession();
        write("therapist1", sessionId, soap("x"), false);
        for (var call : List.<java.util.function.Function<io.restassured.specification.RequestSpecification, Response>>of(
                r -> r.get(path(sessionId)), r -> r.body(request(soap("y"), false)).post(path(sessionId)),
                r -> r.header("If-Match", "\"0\"").body(request(soap("y"), false)).put(path(sessionId)),
                r -> r.header("If-Match", "\"0\"").post(path(sessionId) + "/sign"),
                r -> r.header("If-Match", "\"0\"").post(path(sessionId) + "/cosign"),
                r -> r.body(Map.of("text", "y")).post(path(sessionId) + "/addenda"),
                r -> r.get(path(sessionId) + "/history"))) {
            assertEquals(401, call.apply(anonymous()).statusCode());
            assertEquals(403, call.apply(asIntegration()).statusCode());
            assertEquals(404, call.apply(as("therapist9")).statusCode());
        }
        as("admin9").get(path(sessionId)).then().statusCode(404);
        // A therapist not assigned to the couple: the session itself is not found.
        LocalDate day = Slots.day();
        String unassigned = book("therapist1", session(Api.createCouple("therapist1", unique()), day + "T10:00",
                day + "T10:50")).path("id");
        write("therapist1", unassigned, soap("z"), false);
        as("therapist2").get(path(unassigned)).then().statusCode(404);
        as("therapist1").get(path(java.util.UUID.randomUUID().toString())).then().statusCode(404);
    }

    // ---- validation ---------------------------------------------------------------------------------------------

    @Test
    void notesAreValidatedAgainstTheirTemplate() {
        String sessionId = sharedSession();
        Map<String, Object> wrongSection = request(Map.of("sections", Map.of("behaviour", "x")), false);
        as("therapist1").body(wrongSection).post(path(sessionId)).then().statusCode(400)
                .body("violations[0].field", equalTo("content.sections.behaviour"));
        Map<String, Object> empty = request(Map.of("sections", Map.of("plan", "  ")), false);
        as("therapist1").body(empty).post(path(sessionId)).then().statusCode(400)
                .body("violations[0].field", equalTo("content.sections"));
        Map<String, Object> template = request(soap("x"), false);
        template.put("template", "NARRATIVE");
        as("therapist1").body(template).post(path(sessionId)).then().statusCode(400).body("field", equalTo("template"));
        Map<String, Object> flag = request(Map.of("sections", Map.of("plan", "p"), "riskFlags", List.of("GAMBLING")), false);
        as("therapist1").body(flag).post(path(sessionId)).then().statusCode(400)
                .body("field", equalTo("content.riskFlags[0]"));
        Map<String, Object> huge = request(Map.of("sections", Map.of("plan", "x".repeat(20001))), false);
        as("therapist1").body(huge).post(path(sessionId)).then().statusCode(400)
                .body(not(containsString("xxxxxxxxxx")));
        Map<String, Object> missing = new HashMap<>();
        missing.put("template", "DAP");
        as("therapist1").body(missing).post(path(sessionId)).then().statusCode(400)
                .body("violations.field", hasItem("content"));
        as("therapist1").get(path(sessionId)).then().statusCode(404);
    }

    // ---- encryption at rest -------------------------------------------------------------------------------------

    @Test
    void noPlaintextIsAnywhereInTheDatabase() throws Exception {
        String marker = "plaintext-canary-" + unique();
        String sessionId = sharedSession();
        Response draft = write("therapist1", sessionId, soap(marker), false);
        as("therapist1").header("If-Match", draft.header("ETag")).post(path(sessionId) + "/sign").then().statusCode(200);
        as("therapist1").body(Map.of("text", "addendum " + marker)).post(path(sessionId) + "/addenda").then()
                .statusCode(201);
        as("therapist1").get(path(sessionId)).then().body("addenda[0].text", equalTo("addendum " + marker));

        DatabaseDump.Found found = DatabaseDump.search(database, List.of(marker));
        org.junit.jupiter.api.Assertions.assertTrue(found.tables().contains("session_note"), "scanned: " + found.tables());
        assertEquals(Set.of(), found.of(marker));
    }

    @Test
    void aCiphertextCopiedOntoAnotherNoteDoesNotDecrypt() throws Exception {
        String first = sharedSession();
        String second = sharedSession();
        write("therapist1", first, soap("Note A " + unique()), false);
        write("therapist1", second, soap("Note B"), false);
        try (Connection c = database.getConnection();
                PreparedStatement copy = c.prepareStatement("update session_note b join session_note a"
                        + " on a.session_id = ? and b.session_id = ?"
                        + " set b.body_ciphertext = a.body_ciphertext, b.body_key_id = a.body_key_id")) {
            copy.setBytes(1, uuid(first));
            copy.setBytes(2, uuid(second));
            assertEquals(1, copy.executeUpdate());
        }
        as("therapist1").get(path(second)).then().statusCode(500)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/note-unreadable"))
                .body(not(containsString("Note A")));
        as("therapist1").get(path(first)).then().statusCode(200);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** A session of therapist1 with a couple that therapist2 co-treats. */
    private static String sharedSession() {
        String coupleId = coupleWithBothTherapists().path("id");
        LocalDate day = Slots.day();
        return book("therapist1", session(coupleId, day + "T10:00", day + "T10:50")).path("id");
    }

    private static Map<String, Object> soap(String subjective) {
        Map<String, Object> content = new HashMap<>();
        content.put("sections", Map.of("subjective", subjective, "objective", "Calm, engaged",
                "assessment", "Trust rebuilding on track", "plan", "Daily check-in"));
        content.put("riskFlags", List.of("RELAPSE"));
        content.put("interventions", List.of("Emotionally focused reflection"));
        content.put("exercises", List.of("Daily couple check-in"));
        content.put("nextSteps", "Review boundary agreement");
        return content;
    }

    private static Map<String, Object> request(Map<String, Object> content, boolean psychotherapy) {
        Map<String, Object> body = new HashMap<>();
        body.put("template", "SOAP");
        body.put("psychotherapy", psychotherapy);
        body.put("content", content);
        return body;
    }

    private static Response write(String user, String sessionId, Map<String, Object> content, boolean psychotherapy) {
        return as(user).body(request(content, psychotherapy)).post(path(sessionId)).then().extract().response();
    }

    private static String path(String sessionId) {
        return "/api/v1/sessions/" + sessionId + "/note";
    }

    private static byte[] uuid(String id) {
        java.util.UUID u = java.util.UUID.fromString(id);
        return java.nio.ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits())
                .array();
    }
}
