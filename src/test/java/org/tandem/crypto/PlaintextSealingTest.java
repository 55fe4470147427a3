package org.tandem.crypto;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tandem.testsupport.Api.as;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tandem.common.persistence.BinaryUuids;
import org.tandem.testsupport.Api;

/**
 * Exercise reflections, boundary wordings, couples' treatment goals, therapists' notes on assignments, the reasons
 * sessions were cancelled and the reasons entries were marked as entered in error are sealed under the clinic's
 * data key when written, and those written in the clear before (or by a replica of the previous version during a
 * rolling update) are sealed by {@link PlaintextSealing}: the plaintext column ends empty, and the therapist reads
 * the same words.
 */
@QuarkusTest
class PlaintextSealingTest {

    @Inject
    AgroalDataSource db;

    @Inject
    PlaintextSealing sealing;

    @Test
    void aReflectionIsSealedWhenLoggedAndALegacyOneWhenTheJobRuns() throws Exception {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(Api.unique()));
        String coupleId = couple.path("id");
        String exercise = as("therapist1").queryParam("size", 1).get("/api/v1/exercises").then().statusCode(200)
                .extract().path("items[0].id");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        String assignment = as("therapist1").body(Map.of("exerciseId", exercise, "startsOn",
                today.minusDays(3).toString())).post("/api/v1/couples/" + coupleId + "/assignments").then()
                .statusCode(201).extract().path("id");
        String completions = "/api/v1/couples/" + coupleId + "/assignments/" + assignment + "/completions";
        String id = as("therapist1").body(Map.of("partnerId", couple.path("partners[0].id"), "date",
                today.minusDays(1).toString(), "reflection", "We talked without blame")).post(completions).then()
                .statusCode(201).body("reflection", equalTo("We talked without blame")).extract().path("id");

        Row logged = row("completion", "reflection", id);
        assertNull(logged.plaintext(), "no plaintext copy");
        assertNotNull(logged.keyId());
        assertTrue(logged.ciphertextLength() > 0);

        // As a replica of the previous version would have written it.
        sql("update completion set reflection = 'Written before sealing', reflection_key_id = null,"
                + " reflection_ciphertext = null where id = ?", id);
        as("therapist1").get(completions).then().statusCode(200)
                .body("[0].reflection", equalTo("Written before sealing"));

        sealing.runPending(); // (the scheduled run may have sealed it already: either way it ends sealed)
        Row sealed = row("completion", "reflection", id);
        assertNull(sealed.plaintext(), "the job emptied the plaintext column");
        assertEquals(logged.keyId(), sealed.keyId(), "sealed under the clinic's key");
        as("therapist1").get(completions).then().statusCode(200)
                .body("[0].reflection", equalTo("Written before sealing"));
        assertEquals(0, sealing.runPending(), "nothing left in the clear");
    }

    @Test
    void aBoundarysWordingIsSealedWhenAgreedAndALegacyOneWhenTheJobRuns() throws Exception {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(Api.unique()));
        String coupleId = couple.path("id");
        String boundaries = "/api/v1/couples/" + coupleId + "/boundaries";
        Response created = as("therapist1").body(org.tandem.boundary.BoundaryResourceTest.boundary(
                "No contact with the affair partner", couple.path("partners[1].id"), null,
                LocalDate.now(ZoneId.of("Europe/Berlin")).minusDays(5), null)).post(boundaries).then()
                .statusCode(201).body("current.text", equalTo("No contact with the affair partner")).extract()
                .response();
        String boundaryId = created.path("id");
        // Renegotiated: the new version's words are sealed too, the old ones stay readable.
        as("therapist1").header("If-Match", created.header("ETag")).body(org.tandem.boundary.BoundaryResourceTest
                .boundary("No contact, and phone shared on request", couple.path("partners[1].id"), null,
                        LocalDate.now(ZoneId.of("Europe/Berlin")).minusDays(1), null))
                .post(boundaries + "/" + boundaryId + "/renegotiate").then().statusCode(200)
                .body("history.text", org.hamcrest.Matchers.contains("No contact with the affair partner",
                        "No contact, and phone shared on request"));
        String first = versionId(boundaryId, 1);
        Row agreed = row("boundary_version", "`text`", first);
        assertNull(agreed.plaintext(), "no plaintext copy");
        assertNotNull(agreed.keyId());
        assertNotNull(row("boundary_version", "`text`", versionId(boundaryId, 2)).keyId());

        sql("update boundary_version set `text` = 'Agreed before sealing', text_key_id = null,"
                + " text_ciphertext = null where id = ?", first);
        as("therapist1").get(boundaries + "/" + boundaryId).then().statusCode(200)
                .body("history[0].text", equalTo("Agreed before sealing"));
        sealing.runPending(); // (the scheduled run may have sealed it already: either way it ends sealed)
        Row sealed = row("boundary_version", "`text`", first);
        assertNull(sealed.plaintext());
        assertEquals(agreed.keyId(), sealed.keyId());
        as("therapist1").get(boundaries + "/" + boundaryId).then().statusCode(200)
                .body("history[0].text", equalTo("Agreed before sealing"))
                .body("current.text", equalTo("No contact, and phone shared on request"));
    }

    @Test
    void aCouplesGoalsAndAnAssignmentsNoteAreSealedWhenWrittenAndLegacyOnesWhenTheJobRuns() throws Exception {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(Api.unique()));
        String coupleId = couple.path("id");
        assertEquals("Rebuild trust; agree boundaries", couple.path("treatmentGoals"));
        Row goals = row("couple", "treatment_goals", coupleId);
        assertNull(goals.plaintext(), "no plaintext copy");
        assertNotNull(goals.keyId());
        assertEquals("0", couple.header("ETag").replace("\"", ""), "sealing the goals cost the new couple no version");
        String exercise = as("therapist1").queryParam("size", 1).get("/api/v1/exercises").then().statusCode(200)
                .extract().path("items[0].id");
        String assignments = "/api/v1/couples/" + coupleId + "/assignments";
        String assignment = as("therapist1").body(Map.of("exerciseId", exercise, "startsOn",
                LocalDate.now(ZoneId.of("Europe/Berlin")).toString(), "note", "Start with five minutes"))
                .post(assignments).then().statusCode(201).body("note", equalTo("Start with five minutes"))
                .extract().path("id");
        Row note = row("assignment", "therapist_note", assignment);
        assertNull(note.plaintext(), "no plaintext copy");
        assertEquals(goals.keyId(), note.keyId(), "under the clinic's key");

        // Changed goals are sealed anew; cleared goals leave nothing.
        String etag = as("therapist1").get("/api/v1/couples/" + coupleId).then().statusCode(200)
                .body("treatmentGoals", equalTo("Rebuild trust; agree boundaries")).extract().header("ETag");
        Map<String, Object> update = new java.util.HashMap<>(Api.coupleBody(Api.unique()));
        update.put("treatmentGoals", "Honest communication");
        as("therapist1").header("If-Match", etag).body(update).put("/api/v1/couples/" + coupleId).then()
                .statusCode(200).body("treatmentGoals", equalTo("Honest communication"));
        assertNull(row("couple", "treatment_goals", coupleId).plaintext());
        as("therapist1").queryParam("q", (String) couple.path("code")).get("/api/v1/couples").then().statusCode(200)
                .body("items.find { it.id == '" + coupleId + "' }.treatmentGoals", equalTo("Honest communication"));

        // As a replica of the previous version would have written them.
        sql("update couple set treatment_goals = 'Goals before sealing', treatment_goals_key_id = null,"
                + " treatment_goals_ciphertext = null where id = ?", coupleId);
        sql("update assignment set therapist_note = 'Note before sealing', therapist_note_key_id = null,"
                + " therapist_note_ciphertext = null where id = ?", assignment);
        as("therapist1").get("/api/v1/couples/" + coupleId).then().statusCode(200)
                .body("treatmentGoals", equalTo("Goals before sealing"));
        as("therapist1").get(assignments + "/" + assignment).then().statusCode(200)
                .body("note", equalTo("Note before sealing"));
        sealing.runPending(); // (the scheduled run may have sealed them already: either way they end sealed)
        assertNull(row("couple", "treatment_goals", coupleId).plaintext(), "the job emptied the plaintext column");
        assertEquals(goals.keyId(), row("assignment", "therapist_note", assignment).keyId());
        assertNull(row("assignment", "therapist_note", assignment).plaintext());
        as("therapist1").get("/api/v1/couples/" + coupleId).then().statusCode(200)
                .body("treatmentGoals", equalTo("Goals before sealing"));
        as("therapist1").get(assignments).then().statusCode(200)
                .body("find { it.id == '" + assignment + "' }.note", equalTo("Note before sealing"));
    }

    @Test
    void whyASessionWasCancelledIsSealedAndALegacyReasonWhenTheJobRuns() throws Exception {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(Api.unique()));
        LocalDate day = org.tandem.testsupport.Slots.anyDay();
        Response booked = org.tandem.testsupport.Bookings.book("therapist1", org.tandem.testsupport.Bookings.session(
                couple.path("id"), day + "T16:00", day + "T16:50"));
        String id = booked.path("id");
        as("therapist1").header("If-Match", booked.header("ETag")).body(Map.of("cancelledBy", "CLIENT", "reason",
                "Partner in crisis")).post("/api/v1/sessions/" + id + "/cancel").then().statusCode(200)
                .body("cancellation.reason", equalTo("Partner in crisis"));
        Row cancelled = row("therapy_session", "cancel_reason", id);
        assertNull(cancelled.plaintext(), "no plaintext copy");
        assertNotNull(cancelled.keyId());
        as("therapist1").queryParam("coupleId", (String) couple.path("id")).get("/api/v1/sessions").then()
                .statusCode(200).body("items.find { it.id == '" + id + "' }.cancellation.reason",
                        equalTo("Partner in crisis"));

        sql("update therapy_session set cancel_reason = 'Cancelled before sealing', cancel_reason_key_id = null,"
                + " cancel_reason_ciphertext = null where id = ?", id);
        as("therapist1").get("/api/v1/sessions/" + id).then().statusCode(200)
                .body("cancellation.reason", equalTo("Cancelled before sealing"));
        sealing.runPending(); // (the scheduled run may have sealed it already: either way it ends sealed)
        assertNull(row("therapy_session", "cancel_reason", id).plaintext());
        assertEquals(cancelled.keyId(), row("therapy_session", "cancel_reason", id).keyId());
        as("therapist1").get("/api/v1/sessions/" + id).then().statusCode(200)
                .body("cancellation.reason", equalTo("Cancelled before sealing"));
    }

    @Test
    void theReasonForAnEnteredInErrorMarkIsSealedAndALegacyOneWhenTheJobRuns() throws Exception {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(Api.unique()));
        String values = "/api/v1/couples/" + couple.path("id") + "/measurements";
        String id = as("therapist1").body(org.tandem.measurement.MeasurementResourceTest.rating("trust",
                couple.path("partners[0].id"), LocalDate.now(ZoneId.of("Europe/Berlin")).minusDays(1), 2, "THERAPIST"))
                .post(values).then().statusCode(201).extract().path("id");
        as("therapist1").body(Map.of("reason", "Meant for the other partner")).post(values + "/" + id
                + "/entered-in-error").then().statusCode(200)
                .body("enteredInError.reason", equalTo("Meant for the other partner"));
        Row marked = row("measurement", "entered_in_error_reason", id);
        assertNull(marked.plaintext(), "no plaintext copy");
        assertNotNull(marked.keyId());

        sql("update measurement set entered_in_error_reason = 'Marked before sealing',"
                + " entered_in_error_reason_key_id = null, entered_in_error_reason_ciphertext = null where id = ?", id);
        String listed = "items.find { it.id == '" + id + "' }.enteredInError.reason";
        as("therapist1").queryParam("includeEnteredInError", "true").get(values).then().statusCode(200)
                .body(listed, equalTo("Marked before sealing"));
        sealing.runPending(); // (the scheduled run may have sealed it already: either way it ends sealed)
        assertNull(row("measurement", "entered_in_error_reason", id).plaintext());
        assertEquals(marked.keyId(), row("measurement", "entered_in_error_reason", id).keyId());
        as("therapist1").queryParam("includeEnteredInError", "true").get(values).then().statusCode(200)
                .body(listed, equalTo("Marked before sealing"));
    }

    /** The job looks every minute on every replica: each look is a range over an index, never the whole table. */
    @Test
    void eachLookForTextInTheClearUsesAnIndex() throws Exception {
        try (Connection c = db.getConnection()) {
            for (PlaintextSealing.Legacy legacy : PlaintextSealing.LEGACY) {
                try (PreparedStatement s = c.prepareStatement("explain " + PlaintextSealing.pending(legacy));
                        ResultSet r = s.executeQuery()) {
                    assertTrue(r.next());
                    assertEquals("range", r.getString("type"), legacy.column() + " is read " + r.getString("type"));
                    assertNotNull(r.getString("key"), legacy.column() + " has no index on its plaintext column");
                }
            }
        }
    }

    private String versionId(String boundaryId, int number) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("select id from"
                + " boundary_version where boundary_id = ? and number = ?")) {
            s.setBytes(1, BinaryUuids.bytes(UUID.fromString(boundaryId)));
            s.setInt(2, number);
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next());
                return BinaryUuids.of(r.getBytes(1)).toString();
            }
        }
    }

    private record Row(String plaintext, UUID keyId, int ciphertextLength) {
    }

    /** The plaintext, key and ciphertext of a row; the sealed columns are named after the plaintext one. */
    private Row row(String table, String plaintext, String id) throws Exception {
        String base = plaintext.replace("`", "");
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("select " + plaintext + ", "
                + base + "_key_id, " + base + "_ciphertext from " + table + " where id = ?")) {
            s.setBytes(1, BinaryUuids.bytes(UUID.fromString(id)));
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next());
                byte[] key = r.getBytes(2);
                byte[] ciphertext = r.getBytes(3);
                return new Row(r.getString(1), key == null ? null : BinaryUuids.of(key),
                        ciphertext == null ? 0 : ciphertext.length);
            }
        }
    }

    private void sql(String statement, String id) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(statement)) {
            s.setBytes(1, BinaryUuids.bytes(UUID.fromString(id)));
            assertEquals(1, s.executeUpdate());
        }
    }
}
