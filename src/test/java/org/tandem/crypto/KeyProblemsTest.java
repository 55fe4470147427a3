package org.tandem.crypto;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tandem.testsupport.Api.as;
import static org.tandem.testsupport.Api.unique;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tandem.common.persistence.BinaryUuids;
import org.tandem.sobriety.SobrietyResourceTest;

/**
 * A record outside notes that does not decrypt gets the same kind of answer as a note: a problem document with no
 * text, not a generic server error.
 */
@QuarkusTest
class KeyProblemsTest {

    @Inject
    AgroalDataSource db;

    @Test
    void aTamperedSobrietyNoteIsAnUnreadableRecordProblemWithoutItsText() throws Exception {
        Response couple = SobrietyResourceTest.coupleSoberSince(SobrietyResourceTest.TODAY.minusDays(60));
        String path = SobrietyResourceTest.path(couple.path("id"), couple.path("partners[0].id"));
        String secret = "Kept private " + unique();
        String first = as("therapist1").body(SobrietyResourceTest.reset(SobrietyResourceTest.TODAY.minusDays(20),
                "SLIP", secret)).post(path + "/resets").then().statusCode(201).extract().path("resets[0].id");
        String second = as("therapist1").body(SobrietyResourceTest.reset(SobrietyResourceTest.TODAY.minusDays(10),
                "SLIP", "Another")).post(path + "/resets").then().statusCode(201).extract().path("resets[1].id");
        try (Connection c = db.getConnection(); PreparedStatement copy = c.prepareStatement(
                "update sobriety_reset b join sobriety_reset a on a.id = ? and b.id = ?"
                        + " set b.note_ciphertext = a.note_ciphertext")) {
            copy.setBytes(1, BinaryUuids.bytes(UUID.fromString(first)));
            copy.setBytes(2, BinaryUuids.bytes(UUID.fromString(second)));
            assertEquals(1, copy.executeUpdate());
        }
        as("therapist1").get(path).then().statusCode(500)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/record-unreadable"))
                .body("detail", containsString("X-Request-Id"))
                .body(not(containsString(secret)));
    }
}
