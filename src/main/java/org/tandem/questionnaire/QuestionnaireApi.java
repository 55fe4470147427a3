package org.tandem.questionnaire;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tandem.common.ErrorMarkApi.EnteredInError;
import org.tandem.measurement.Direction;
import org.tandem.measurement.ReliableChange;
import org.tandem.measurement.Source;

/** Request and response bodies of instruments, questionnaire responses and safety flags. */
public final class QuestionnaireApi {

    private QuestionnaireApi() {
    }

    public record SubmitRequest(
            @NotBlank @Size(max = 64) @Schema(description = "An instrument key, e.g. phq-9") String instrument,
            @NotNull UUID partnerId,
            @NotNull @Schema(description = "The day it was filled in; not in the future") LocalDate date,
            @NotNull @Size(max = 200) @Schema(description = "One whole number per item, in item order, each"
                    + " within the item's scale; reversed items are answered as printed") List<Integer> answers,
            @NotNull Source source,
            @JsonProperty("private") @Schema(description = "Hide from the other partner's app (default true)")
            Boolean isPrivate,
            @Schema(hidden = true) JsonNode score) {

        @Override
        public String toString() {
            return "SubmitRequest[instrument=" + instrument + "]";
        }
    }

    /** Answers a partner gives themselves (a self-report). */
    public record MySubmitRequest(
            @NotBlank @Size(max = 64) @Schema(description = "An instrument key, e.g. phq-9") String instrument,
            @NotNull @Schema(description = "The day it was filled in; not in the future") LocalDate date,
            @NotNull @Size(max = 200) @Schema(description = "One whole number per item, in item order") List<Integer> answers,
            @JsonProperty("private") @Schema(description = "Hide from the other partner (default true)")
            Boolean isPrivate,
            @Schema(description = "The questionnaire assignment these answers are for, if any") UUID assignmentId) {

        @Override
        public String toString() {
            return "MySubmitRequest[instrument=" + instrument + "]";
        }
    }

    public record AssignRequest(
            @NotBlank @Size(max = 64) @Schema(description = "An instrument key, e.g. csi-16") String instrument,
            @Schema(description = "The one partner asked; omit to ask both, each alone") UUID partnerId,
            @Schema(description = "When it should be done by; a reminder for the partners' apps") LocalDate dueOn) {
    }

    public record RaiseRequest(@NotNull @Schema(description = "The partner of concern") UUID partnerId) {
    }

    /** Who of those asked has answered, with which response. */
    public record Answered(UUID partnerId, UUID responseId, LocalDate date) {
    }

    public record AssignmentResponse(UUID id, UUID coupleId, String instrument,
            @Schema(description = "The one partner asked; null: both") UUID partnerId, LocalDate dueOn,
            Instant createdAt, List<Answered> answered) {
    }

    /** An assignment as a partner sees it: whether they have answered, never whether the other has. */
    public record MyAssignmentResponse(UUID id, String instrument, String name, LocalDate dueOn, Instant createdAt,
            @Schema(description = "My response to it; null until I answer") UUID myResponseId) {
    }

    public record Baseline(UUID responseId, LocalDate date, double score) {

        @Override
        public String toString() {
            return "Baseline[redacted]";
        }
    }

    /** One partner's answer to the assignment, against their own first score of the instrument. */
    public record PartnerResult(UUID partnerId, int seat, UUID responseId, LocalDate date, Double score, String band,
            Boolean clinical, Map<String, Double> subscales,
            @Schema(description = "The partner's first counted response to this instrument") Baseline baseline,
            @Schema(description = "Jacobson-Truax reliable change from the baseline; null until answered or without"
                    + " an earlier response") ReliableChange.Result change) {

        @Override
        public String toString() {
            return "PartnerResult[partnerId=" + partnerId + ", redacted]";
        }
    }

    /** Both partners side by side: each one's score and change, and the difference between them. */
    public record ComparisonResponse(UUID assignmentId, String instrument, List<PartnerResult> partners,
            @Schema(description = "Seat 1's score minus seat 2's; null until both answered") Double difference,
            @Schema(description = "The smallest difference between two scores that measurement error alone would"
                    + " rarely produce (1.96 standard errors of the difference)") double reliableDifference,
            @Schema(description = "Whether the partners' scores differ by more than that; null until both answered")
            Boolean differReliably) {

        @Override
        public String toString() {
            return "ComparisonResponse[assignmentId=" + assignmentId + ", redacted]";
        }
    }

    public record ReportPoint(UUID responseId, LocalDate date, double score, String band, boolean clinical) {

        @Override
        public String toString() {
            return "ReportPoint[responseId=" + responseId + ", redacted]";
        }
    }

    /** A partner's own report of one instrument: every score, and the change from the first to the latest. */
    public record MyReport(String instrument, String name, Double cutoff, List<ReportPoint> scores,
            ReliableChange.Result change) {

        @Override
        public String toString() {
            return "MyReport[instrument=" + instrument + ", redacted]";
        }
    }

    public record ScoredResponse(UUID id, UUID coupleId, UUID partnerId, String instrument, LocalDate date,
            Source source, @JsonProperty("private") boolean isPrivate,
            @Schema(description = "Item answers; therapists and the partner's own app only") List<Integer> answers,
            double score, String band, Map<String, Double> subscales,
            @Schema(description = "On the clinical side of the instrument's cut-off") boolean clinical,
            @Schema(description = "Reason codes of the safety flags these answers raised") List<String> safetyFlags,
            Instant recordedAt,
            @Schema(description = "Set once the response was marked as recorded by mistake; it then counts nowhere."
                    + " The reason is for therapists only") EnteredInError enteredInError) {

        @Override
        public String toString() {
            return "ScoredResponse[id=" + id + "]";
        }
    }

    public record ItemResponse(int number, String label, int min, int max, boolean reversed) {
    }

    public record InstrumentResponse(String key, String name, String construct, String source,
            List<ItemResponse> items, Instrument.Rule scoring, double minScore, double maxScore, Direction direction,
            List<Instrument.Band> bands, List<Instrument.Subscale> subscales, Double cutoff, double reliability,
            double normSd, @Schema(description = "The smallest reliable change (95%)") double reliableChange,
            String normsSource, List<Instrument.SafetyRule> safety,
            @Schema(description = "On what terms the clinic uses it, as checked and recorded") Instrument.Licence
            licence) {
    }

    public record SafetyFlagResponse(UUID id, UUID coupleId, UUID partnerId, String reason, String description,
            UUID questionnaireId, Instant raisedAt, boolean open, Instant acknowledgedAt, String acknowledgedBy,
            @Schema(description = "The partner's safety plan named when the flag was acknowledged") UUID safetyPlanId,
            long version) {

        @Override
        public String toString() {
            return "SafetyFlagResponse[" + id + "]";
        }
    }
}
