package org.tandem.exercise;

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
 * Exercise reflections are sealed under the clinic's data key when logged, and those written in the clear before
 * (or by a replica of the previous version during a rolling update) are sealed by {@link ReflectionSealing}: the
 * plaintext column ends empty, and the therapist reads the same words.
 */
@QuarkusTest
class ReflectionSealingTest {

    @Inject
    AgroalDataSource db;

    @Inject
    ReflectionSealing sealing;

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

        Row logged = row(id);
        assertNull(logged.plaintext(), "no plaintext copy");
        assertNotNull(logged.keyId());
        assertTrue(logged.ciphertextLength() > 0);

        // As a replica of the previous version would have written it.
        sql("update completion set reflection = 'Written before sealing', reflection_key_id = null,"
                + " reflection_ciphertext = null where id = ?", id);
        as("therapist1").get(completions).then().statusCode(200)
                .body("[0].reflection", equalTo("Written before sealing"));

        sealing.runPending(); // (the scheduled run may have sealed it already: either way it ends sealed)
        Row sealed = row(id);
        assertNull(sealed.plaintext(), "the job emptied the plaintext column");
        assertEquals(logged.keyId(), sealed.keyId(), "sealed under the clinic's key");
        as("therapist1").get(completions).then().statusCode(200)
                .body("[0].reflection", equalTo("Written before sealing"));
        assertEquals(0, sealing.runPending(), "nothing left in the clear");
    }

    private record Row(String plaintext, UUID keyId, int ciphertextLength) {
    }

    private Row row(String id) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("select reflection,"
                + " reflection_key_id, reflection_ciphertext from completion where id = ?")) {
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
