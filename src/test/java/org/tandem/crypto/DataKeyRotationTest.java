package org.tandem.crypto;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tandem.testsupport.Api.as;
import static org.tandem.testsupport.Bookings.book;
import static org.tandem.testsupport.Bookings.session;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tandem.note.NoteRepository;
import org.tandem.note.SessionNote;
import org.tandem.testsupport.Api;
import org.tandem.testsupport.Slots;
import org.tandem.testsupport.TandemServices;

/**
 * A key rotation against the real database: the re-wrap job moves every data key to a new key-encryption key, notes
 * still open, and moving back restores the state the other tests expect.
 */
@QuarkusTest
class DataKeyRotationTest {

    @Inject
    DataKeyRepository keys;

    @Inject
    NoteRepository notes;

    @Test
    void rewrappingMovesDataKeysToTheNewKeyAndNotesStillOpen() {
        String marker = Api.unique();
        LocalDate day = Slots.day();
        String sessionId = book("therapist1", session(Api.createCouple("therapist1", marker), day + "T10:00",
                day + "T10:50")).path("id");
        as("therapist1").body(Map.of("template", "FREE_TEXT", "content", Map.of("sections", Map.of("text", "Kept " + marker))))
                .post("/api/v1/sessions/" + sessionId + "/note").then().statusCode(201);

        String current = TandemServices.TEST_NOTES_KEY;
        String next = Base64.getEncoder().encodeToString(KeyRing.newDataKey());
        ClinicCipher rotated = new ClinicCipher(new KeyRing("k2", next, "k1:" + current), keys);
        ClinicCipher back = new ClinicCipher(new KeyRing("k1", current, "k2:" + next), keys);
        try {
            assertTrue(rotated.rewrapAll() >= 1);
            assertEquals(0, rotated.rewrapAll(), "a second run has nothing to move");
            assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> keys.count("kekId <> ?1", "k2")));
            String text = QuarkusTransaction.requiringNew().call(() -> {
                SessionNote note = notes.forSession(UUID.fromString(sessionId)).orElseThrow();
                return note.openBody(rotated, "note");
            });
            assertTrue(text.contains("Kept " + marker), "the note opens under the new key");
        } finally {
            back.rewrapAll();
        }
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> keys.count("kekId <> ?1", "k1")));
        as("therapist1").get("/api/v1/sessions/" + sessionId + "/note").then().statusCode(200)
                .body("content.sections.text", equalTo("Kept " + marker));
    }
}
