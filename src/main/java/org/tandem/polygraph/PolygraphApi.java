package org.tandem.polygraph;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tandem.common.ErrorMarkApi.EnteredInError;
import org.tandem.common.web.Tagged;

/** Request and response bodies of polygraph examinations. */
public final class PolygraphApi {

    private PolygraphApi() {
    }

    public record PolygraphQuestionRequest(@NotBlank @Size(max = 1000) String text, @NotNull PolygraphOutcome outcome) {

        @Override
        public String toString() {
            return "PolygraphQuestionRequest[" + outcome + "]";
        }
    }

    @Schema(description = "An examination of the partner in recovery, as the examiner reported it")
    public record PolygraphExamRequest(@NotNull PolygraphKind kind, @NotNull LocalDate examinedOn,
            @NotBlank @Size(max = 200) String examiner,
            @Schema(description = "The disclosure it verifies (a DISCLOSURE examination)") UUID disclosureId,
            @NotEmpty @Size(max = 20) List<@NotNull @Valid PolygraphQuestionRequest> questions) {

        @Override
        public String toString() {
            return "PolygraphExamRequest[" + kind + "]";
        }
    }

    public record PolygraphScheduleRequest(
            @Schema(description = "Months between maintenance examinations; null ends the schedule")
            @Min(1) @Max(24) Integer everyMonths) {
    }

    public record PolygraphQuestionResponse(int number, String text, PolygraphOutcome outcome) {

        @Override
        public String toString() {
            return "PolygraphQuestionResponse[" + number + "]";
        }
    }

    public record PolygraphExamResponse(UUID id, UUID coupleId, UUID partnerId, UUID disclosureId, PolygraphKind kind,
            LocalDate examinedOn, String examiner,
            @Schema(description = "The worst outcome of any question; null for an admin") PolygraphOutcome result,
            @Schema(description = "Null for an admin") List<PolygraphQuestionResponse> questions, String recordedBy,
            Instant createdAt,
            @Schema(description = "Set when it was marked as recorded by mistake: it then counts nowhere (not in"
                    + " the schedule, not on the trust timeline); the reason for the couple's therapists only")
            EnteredInError enteredInError) {

        @Override
        public String toString() {
            return "PolygraphExamResponse[" + id + "]";
        }
    }

    public record PolygraphScheduleResponse(UUID coupleId, Integer everyMonths, LocalDate lastExaminedOn,
            @Schema(description = "The last examination plus the interval (today when none was taken yet); null"
                    + " without a schedule") LocalDate nextDueOn,
            boolean overdue, long version) implements Tagged {
    }

    public record CouplePolygraphs(UUID coupleId, PolygraphScheduleResponse schedule, List<PolygraphExamResponse> exams) {
    }
}
