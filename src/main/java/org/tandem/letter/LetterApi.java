package org.tandem.letter;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tandem.common.web.Tagged;

/** Request and response bodies of the impact and restitution letters. */
public final class LetterApi {

    static final int MAX_TEXT = 50_000;

    private LetterApi() {
    }

    @Schema(description = "A new letter: IMPACT is the betrayed partner's (recovery role PARTNER), RESTITUTION the"
            + " partner in recovery's")
    public record NewLetterRequest(@NotNull LetterKind kind, @NotBlank @Size(max = MAX_TEXT) String text) {

        @Override
        public String toString() {
            return "NewLetterRequest[" + kind + "]";
        }
    }

    public record LetterTextRequest(@NotBlank @Size(max = MAX_TEXT) String text) {

        @Override
        public String toString() {
            return "LetterTextRequest[redacted]";
        }
    }

    public record LetterReadingRequest(@Schema(description = "Default: today") LocalDate readOn) {
    }

    public record LetterResponse(UUID id, UUID coupleId, UUID authorPartnerId, LetterKind kind,
            @Schema(description = "Null where the caller may only know that it exists (an admin)") String text,
            @Schema(description = "When the author shared it with the other partner") Instant sharedAt,
            @Schema(description = "The day a therapist recorded it was read aloud in session") LocalDate
            readInSessionOn,
            @Schema(description = "Whether the other partner may read it") boolean delivered,
            Instant createdAt, Instant updatedAt, long version) implements Tagged {

        @Override
        public String toString() {
            return "LetterResponse[" + id + "]";
        }
    }
}
