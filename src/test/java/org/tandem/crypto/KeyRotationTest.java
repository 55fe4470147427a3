package org.tandem.crypto;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tandem.testsupport.Api.as;
import static org.tandem.testsupport.Bookings.book;
import static org.tandem.testsupport.Bookings.session;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tandem.common.persistence.BinaryUuids;
import org.tandem.note.NoteRepository;
import org.tandem.sobriety.SobrietyResourceTest;
import org.tandem.testsupport.Api;
import org.tandem.testsupport.ClinicDays;
import org.tandem.testsupport.Slots;

/**
 * Moving a clinic's encrypted data to a new data key, against the real database: in steps (as a job interrupted
 * and resumed would), with everything readable between them, and at the end no row anywhere uses the old key and
 * the old key is gone.
 */
@QuarkusTest
class KeyRotationTest {

    private static final String ROTATION = "/api/v1/clinic/key-rotation";

    @Inject
    KeyRotation rotation;

    @Inject
    ClinicCipher cipher;

    @Inject
    DataKeyRepository keys;

    @Inject
    NoteRepository notes;

    @Inject
    AgroalDataSource db;

    @Inject
    org.tandem.export.ExportWorker exports;

    @Test
    void everySealedValueMovesToTheNewKeyAndTheOldKeyIsDeleted() throws Exception {
        // The other clinic's data: a note, a sobriety reset's note, a webhook secret, a stored response, a reflection.
        String marker = Api.unique();
        Response couple = Api.createCouple("therapist9", Api.coupleBody(marker));
        String coupleId = couple.path("id");
        LocalDate day = Slots.anyDay();
        String sessionId = book("therapist9", session(coupleId, day + "T10:00", day + "T10:50")).path("id");
        as("therapist9").body(Map.of("template", "FREE_TEXT", "content", Map.of("sections",
                Map.of("text", "Note " + marker)))).post("/api/v1/sessions/" + sessionId + "/note").then()
                .statusCode(201);
        String sobriety = SobrietyResourceTest.path(coupleId, couple.path("partners[0].id"));
        as("therapist9").body(SobrietyResourceTest.reset(ClinicDays.otherToday().minusDays(3), "SLIP",
                "Reset " + marker))
                .post(sobriety + "/resets").then().statusCode(201);
        as("admin9").body(Map.of("url", "http://127.0.0.1:9/hook", "events", List.of("session.scheduled")))
                .post("/api/v1/webhooks").then().statusCode(201);
        // A value that no longer decrypts (tampered): it cannot move, so the old key must outlive the rotation.
        String tampered = as("admin9").body(Map.of("url", "http://127.0.0.1:9/other", "events",
                List.of("session.cancelled"))).post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
        sql("update webhook_endpoint set secret_ciphertext = concat(secret_ciphertext, 'x') where id = ?", tampered);
        String idempotencyKey = UUID.randomUUID().toString();
        Map<String, Object> rating = Map.of("metric", "trust", "partnerId", couple.path("partners[0].id"),
                "date", ClinicDays.otherToday().toString(), "value", 6, "source", "THERAPIST");
        String ratingId = as("therapist9").header("Idempotency-Key", idempotencyKey).body(rating)
                .post("/api/v1/couples/" + coupleId + "/measurements").then().statusCode(201).extract().path("id");

        // An exercise reflection, sealed like a note.
        String exercise = as("therapist9").queryParam("size", 1).get("/api/v1/exercises").then().statusCode(200)
                .extract().path("items[0].id");
        String assignment = as("therapist9").body(Map.of("exerciseId", exercise, "startsOn",
                ClinicDays.otherToday().minusDays(3).toString())).post("/api/v1/couples/" + coupleId + "/assignments")
                .then().statusCode(201).extract().path("id");
        String completions = "/api/v1/couples/" + coupleId + "/assignments/" + assignment + "/completions";
        as("therapist9").body(Map.of("partnerId", couple.path("partners[0].id"), "date",
                ClinicDays.otherToday().minusDays(2).toString(), "reflection", "Reflection " + marker))
                .post(completions).then().statusCode(201);

        // A boundary's wording, sealed too.
        as("therapist9").body(org.tandem.boundary.BoundaryResourceTest.boundary("Boundary " + marker,
                couple.path("partners[1].id"), null, ClinicDays.otherToday().minusDays(4), null))
                .post("/api/v1/couples/" + coupleId + "/boundaries").then().statusCode(201);

        // An export's stored output: its key is sealed under the clinic's key and moves with the rotation.
        String export = org.tandem.export.ExportResourceTest.start("admin9", "OBSERVATIONS", "CSV",
                ClinicDays.otherToday().minusDays(7), ClinicDays.otherToday());
        exports.runPending();
        String exported = as("admin9").get("/api/v1/exports/" + export + "/content").then().statusCode(200)
                .extract().asString();
        assertTrue(exported.contains(ratingId), "the export has the rating");

        UUID clinicId = QuarkusTransaction.requiringNew().call(() ->
                notes.forSession(UUID.fromString(sessionId)).orElseThrow().getClinicId());
        UUID oldKey = QuarkusTransaction.requiringNew().call(() -> keys.forClinic(clinicId).orElseThrow().getId());
        long before = countOn(oldKey);
        assertTrue(before >= 5, "the clinic's sealed values are on its key: " + before);

        as("admin9").post(ROTATION).then().statusCode(202).body("running", equalTo(true))
                .body("remaining", equalTo((int) before));
        as("admin9").post(ROTATION).then().statusCode(409).body("type", equalTo("/problems/key-rotation-running"));
        UUID newKey = QuarkusTransaction.requiringNew().call(() -> keys.forClinic(clinicId).orElseThrow().getId());
        assertNotEquals(oldKey, newKey);

        // Written during the rotation: sealed with the new key at once.
        as("therapist9").body(SobrietyResourceTest.reset(ClinicDays.otherToday().minusDays(1), "SLIP",
                "Later " + marker))
                .post(sobriety + "/resets").then().statusCode(201);
        assertEquals(before, countOn(oldKey));

        // A first run that stops after two values, as a replica that dies would: the rest stays, all readable.
        assertEquals(2, rotation.runPending(2));
        assertEquals(before - 2, countOn(oldKey));
        as("admin9").get(ROTATION).then().statusCode(200).body("running", equalTo(true))
                .body("remaining", equalTo((int) before - 2));
        everythingReads(sessionId, sobriety, marker, coupleId, idempotencyKey, rating, ratingId, completions);

        // The next run moves everything that decrypts; the tampered secret stays, and so does the old key.
        assertEquals(before - 3, rotation.runPending(Integer.MAX_VALUE));
        assertEquals(1, countOn(oldKey));
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> keys.count("id", oldKey)));
        as("admin9").get(ROTATION).then().statusCode(200).body("running", equalTo(true)).body("remaining", equalTo(1));
        everythingReads(sessionId, sobriety, marker, coupleId, idempotencyKey, rating, ratingId, completions);

        // Once the operator removes what cannot be read, the next run finishes and deletes the old key.
        sql("delete from webhook_endpoint where id = ?", tampered);
        assertEquals(0, rotation.runPending(Integer.MAX_VALUE));
        assertEquals(0, countOn(oldKey));
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> keys.count("id", oldKey)));
        as("admin9").get(ROTATION).then().statusCode(200).body("running", equalTo(false))
                .body("remaining", equalTo(0));
        assertEquals(0, rotation.runPending(Integer.MAX_VALUE), "nothing left to do");
        everythingReads(sessionId, sobriety, marker, coupleId, idempotencyKey, rating, ratingId, completions);
        everyValueOnTheNewKeyOpens(newKey);
        as("admin9").get("/api/v1/exports/" + export + "/content").then().statusCode(200)
                .body(equalTo(exported));

        // Audited: who started it, and that it finished.
        as("admin9").queryParam("recordType", "data-key").queryParam("recordId", oldKey.toString())
                .get("/api/v1/audit-events").then().statusCode(200)
                .body("items.action", org.hamcrest.Matchers.hasItems("data-key.rotation-started",
                        "data-key.rotation-finished"));
        // Another clinic's key was never touched.
        as("admin1").get(ROTATION).then().statusCode(200).body("running", equalTo(false));
    }

    @Test
    void everyKeyColumnOfTheSchemaIsOneTheRotationMoves() throws Exception {
        Set<String> inSchema = new TreeSet<>();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("select table_name,"
                + " column_name from information_schema.columns where table_schema = database()"
                + " and column_name like '%key_id'"); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                inSchema.add(r.getString(1).toLowerCase() + "." + r.getString(2).toLowerCase());
            }
        }
        Set<String> moved = new TreeSet<>();
        for (SealedColumn column : SealedColumn.values()) {
            moved.add(column.table() + "." + column.keyColumn());
        }
        assertEquals(moved, inSchema);
    }

    private static void everythingReads(String sessionId, String sobriety, String marker, String coupleId,
            String idempotencyKey, Map<String, Object> rating, String ratingId, String completions) {
        as("therapist9").get(completions).then().statusCode(200).body("[0].reflection", equalTo("Reflection " + marker));
        as("therapist9").get("/api/v1/sessions/" + sessionId + "/note").then().statusCode(200)
                .body("content.sections.text", equalTo("Note " + marker));
        as("therapist9").get(sobriety).then().statusCode(200)
                .body("resets.note", org.hamcrest.Matchers.hasItems("Reset " + marker, "Later " + marker));
        as("therapist9").header("Idempotency-Key", idempotencyKey).body(rating)
                .post("/api/v1/couples/" + coupleId + "/measurements").then().statusCode(201)
                .body("id", equalTo(ratingId));
        as("admin9").get("/api/v1/webhooks").then().statusCode(200).body("size()", greaterThanOrEqualTo(1));
    }

    /** Opens every value on the new key with the purpose and row id it was sealed for. */
    private void everyValueOnTheNewKeyOpens(UUID newKey) throws Exception {
        List<String> failures = new ArrayList<>();
        int opened = 0;
        for (SealedColumn column : SealedColumn.values()) {
            try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("select id, "
                    + column.ciphertextColumn() + " from " + column.table() + " where " + column.keyColumn() + " = ?")) {
                s.setBytes(1, BinaryUuids.bytes(newKey));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        UUID id = BinaryUuids.of(r.getBytes(1));
                        try {
                            cipher.open(newKey, column.purpose(), id, r.getBytes(2));
                            opened++;
                        } catch (RuntimeException e) {
                            failures.add(column + " " + id);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(opened >= 5, "values opened: " + opened);
    }

    private void sql(String statement, String id) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(statement)) {
            s.setBytes(1, BinaryUuids.bytes(UUID.fromString(id)));
            assertEquals(1, s.executeUpdate());
        }
    }

    private long countOn(UUID keyId) {
        return QuarkusTransaction.requiringNew().call(() -> keys.sealedWith(keyId));
    }
}
