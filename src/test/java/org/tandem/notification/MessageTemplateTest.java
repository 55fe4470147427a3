package org.tandem.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The Qute template of every kind of message: one line that says what happened, the link, the clinic and the
 * unsubscribe link; nothing left unresolved. The template is given no name, note, score or exercise, so it cannot
 * say one; the end-to-end tests read the delivered mail for the same.
 */
@QuarkusTest
class MessageTemplateTest {

    @Inject
    NotificationSender sender;

    @Test
    void everyKindRendersItsOwnLineAndNothingElse() {
        Instant start = Instant.parse("2035-03-25T09:00:00Z");
        NotificationSender.Recipient to = new NotificationSender.Recipient("someone@example.invalid", false,
                "Demo Clinic", ZoneId.of("Europe/Berlin"), null);
        java.util.Set<String> lines = new java.util.HashSet<>();
        for (NotificationKind kind : NotificationKind.values()) {
            boolean toTherapist = kind == NotificationKind.SAFETY_FLAG || kind == NotificationKind.AGENDA_DIGEST
                    || kind == NotificationKind.REVIEW_DUE || kind == NotificationKind.SERIES_SKIPPED;
            UUID session = kind.name().startsWith("SESSION_") ? UUID.randomUUID() : null;
            UUID assignment = kind == NotificationKind.HOMEWORK_NUDGE ? UUID.randomUUID() : null;
            NotificationSender.Claimed c = new NotificationSender.Claimed(UUID.randomUUID(), kind, session,
                    toTherapist ? null : UUID.randomUUID(), start, 1, UUID.randomUUID(),
                    toTherapist ? UUID.randomUUID() : null, assignment);
            String text = sender.render(c, to, "the-token");
            String line = text.lines().findFirst().orElseThrow();
            assertFalse(line.isBlank(), kind + ": " + text);
            assertTrue(lines.add(line), kind + " says what another kind says: " + line);
            assertFalse(text.contains("{") || text.contains("NOT_FOUND") || text.contains("null"), kind + ": " + text);
            assertTrue(text.contains("/api/v1/unsubscribe?token=the-token"), text);
            assertTrue(text.contains("\nDemo Clinic\n"), text);
            if (session != null) {
                assertTrue(text.contains("/sessions/" + session), text);
            }
            if (assignment != null) {
                assertTrue(text.contains("/assignments/" + assignment), text);
            }
            if (kind == NotificationKind.SESSION_REMINDER) {
                assertEquals("This is a reminder of your session on Sunday 25 March 2035 at 11:00 (CEST).", line);
            }
            if (kind == NotificationKind.AGENDA_DIGEST) {
                assertTrue(line.startsWith("You have no sessions left today (Sunday 25 March)"), line);
            }
            assertEquals(toTherapist, text.contains("for its practice"), text);
        }
    }
}
