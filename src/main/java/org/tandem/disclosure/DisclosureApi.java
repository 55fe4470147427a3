package org.tandem.disclosure;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tandem.common.web.Tagged;

/** Request and response bodies of disclosure planning. */
public final class DisclosureApi {

    /** A disclosure document's longest text: a long letter, read aloud in one session. */
    static final int MAX_DOCUMENT = 100_000;

    private DisclosureApi() {
    }

    @Schema(description = "A new disclosure plan; the partners' roles on the couple say who discloses")
    public record DisclosurePlanRequest(
            @Schema(description = "The day the betrayed partner discovered the betrayal (D-day), if known")
            LocalDate discoveredOn) {
    }

    public record DisclosureDocumentRequest(@NotBlank @Size(max = MAX_DOCUMENT) String text) {

        @Override
        public String toString() {
            return "DisclosureDocumentRequest[redacted]";
        }
    }

    public record DisclosureDocumentResponse(UUID disclosureId, String text, Instant updatedAt, long version)
            implements Tagged {

        @Override
        public String toString() {
            return "DisclosureDocumentResponse[" + disclosureId + "]";
        }
    }

    public record DisclosureQuestionRequest(@NotBlank @Size(max = 2000) String text) {

        @Override
        public String toString() {
            return "DisclosureQuestionRequest[redacted]";
        }
    }

    public record DisclosureQuestionResponse(UUID id, int number, UUID askedBy,
            @Schema(description = "Null once destroyed with the document, and in the answer to asking it (which"
                    + " keeps no copy)") String text, Instant createdAt) {

        @Override
        public String toString() {
            return "DisclosureQuestionResponse[" + id + "]";
        }
    }

    @Schema(description = "The disclosure session: a JOINT session of the couple, booked as usual, and the couple's"
            + " other therapist, who must be free at that time")
    public record DisclosureScheduleRequest(@NotNull UUID sessionId, @NotNull UUID coTherapistId) {
    }

    public record DisclosureCompletionRequest(
            @Schema(description = "Default: the disclosure session's day if that is not in the future, else today")
            LocalDate disclosedOn) {
    }

    @Schema(description = "A therapist records that the betrayed partner agreed, in person, to destroy the document")
    public record DisclosureDestructionRequest(@NotNull @AssertTrue Boolean partnerAgreedInSession) {
    }

    public record DisclosureSession(UUID sessionId, Instant startsAt, Instant endsAt, List<UUID> therapistIds) {
    }

    @Schema(description = "A disclosure's metadata: never the document or the questions")
    public record DisclosureResponse(UUID id, UUID coupleId, UUID disclosingPartnerId, UUID betrayedPartnerId,
            DisclosureStatus status, LocalDate discoveredOn, boolean hasDocument, Instant documentUpdatedAt,
            int questions, DisclosureSession session, LocalDate disclosedOn, Instant destroyedAt,
            DestructionAgreement destructionAgreement, Instant createdAt, Instant updatedAt, long version)
            implements Tagged {

        @Override
        public String toString() {
            return "DisclosureResponse[" + id + "]";
        }
    }
}
