package org.tandem.note;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tandem.common.web.Tagged;
import org.tandem.therapist.TherapistRef;

/** Request and response bodies of {@code /api/v1/sessions/{id}/note}. None prints its text. */
public final class NoteApi {

    private NoteApi() {
    }

    /** What a note says: the template's sections and the structured fields. This is what gets encrypted. */
    public record NoteContent(
            @NotNull @Size(min = 1, max = 4) @Schema(description = "SOAP: subjective, objective, assessment, plan."
                    + " DAP: data, assessment, plan. BIRP: behaviour, intervention, response, plan. FREE_TEXT: text.")
            Map<@NotBlank @Size(max = 40) String, @NotNull @Size(max = 20000) String> sections,
            @Size(max = 3) List<@NotNull RiskFlag> riskFlags,
            @Size(max = 20) List<@NotBlank @Size(max = 200) String> interventions,
            @Size(max = 20) List<@NotBlank @Size(max = 200) String> exercises,
            @Size(max = 4000) String nextSteps) {

        @Override
        public String toString() {
            return "NoteContent[redacted]";
        }
    }

    public record NoteRequest(
            @NotNull NoteTemplate template,
            @Schema(description = "Psychotherapy notes are readable only by their author and never exported")
            Boolean psychotherapy,
            @NotNull @jakarta.validation.Valid NoteContent content) {

        @Override
        public String toString() {
            return "NoteRequest[redacted]";
        }
    }

    public record AddendumRequest(@NotBlank @Size(max = 20000) String text) {

        @Override
        public String toString() {
            return "AddendumRequest[redacted]";
        }
    }

    /** FULL: the text is included. METADATA: admins see that a note exists, its state and who signed, no text. */
    public enum Access {
        FULL,
        METADATA
    }

    public record AddendumResponse(UUID id, TherapistRef author, Instant createdAt, String text) {

        @Override
        public String toString() {
            return "AddendumResponse[id=" + id + "]";
        }
    }

    public record NoteResponse(UUID id, UUID sessionId, Access access, NoteTemplate template, boolean psychotherapy,
            NoteStatus status, NoteContent content, TherapistRef author, int revision, Instant signedAt,
            TherapistRef cosignedBy, Instant cosignedAt, List<AddendumResponse> addenda, long version,
            Instant createdAt, Instant updatedAt) implements Tagged {

        @Override
        public String toString() {
            return "NoteResponse[id=" + id + "]";
        }
    }

    public record RevisionEntry(int revision, TherapistRef savedBy, Instant savedAt) {
    }

    public record NoteHistory(UUID noteId, List<RevisionEntry> revisions, List<AddendumResponse> addenda) {
    }
}
