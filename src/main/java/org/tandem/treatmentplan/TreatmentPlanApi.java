package org.tandem.treatmentplan;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tandem.common.web.Tagged;

/** Request and response bodies of treatment plans. The words are clinical: sealed, and shown to therapists. */
public final class TreatmentPlanApi {

    private TreatmentPlanApi() {
    }

    /** How an objective's measure compares with its target. */
    public enum Comparator {
        AT_LEAST, ABOVE, AT_MOST, BELOW;

        public boolean met(double value, double target) {
            return switch (this) {
                case AT_LEAST -> value >= target;
                case ABOVE -> value > target;
                case AT_MOST -> value <= target;
                case BELOW -> value < target;
            };
        }
    }

    @Schema(description = "What tells whether an objective is met: a metric (e.g. trust) or an instrument"
            + " (e.g. csi-16, phq-9) for one partner (or, for a metric, the couple) against a target")
    public record Measure(
            @NotBlank @Size(max = 64) @Schema(description = "A metric or instrument key", examples = "csi-16")
            String key,
            @Schema(description = "The partner measured; omit for a rating of the couple") UUID partnerId,
            @NotNull Comparator comparator,
            @NotNull @Schema(description = "e.g. 10 with BELOW for \"PHQ-9 below 10\"") Double target) {
    }

    public record Objective(@NotBlank @Size(max = 1000) String text, LocalDate targetDate, @Valid Measure measure) {

        @Override
        public String toString() {
            return "Objective[redacted]";
        }
    }

    public record Intervention(@NotBlank @Size(max = 1000) String text,
            @Schema(description = "An exercise of the clinic's library this intervention uses") UUID exerciseId) {

        @Override
        public String toString() {
            return "Intervention[redacted]";
        }
    }

    public record Goal(@NotBlank @Size(max = 1000) String text, LocalDate targetDate,
            @NotNull @Size(max = 20) List<@NotNull @Valid Objective> objectives,
            @NotNull @Size(max = 20) List<@NotNull @Valid Intervention> interventions) {

        @Override
        public String toString() {
            return "Goal[redacted]";
        }
    }

    public record Problem(@NotBlank @Size(max = 1000) String text,
            @NotNull @Size(min = 1, max = 10) List<@NotNull @Valid Goal> goals) {

        @Override
        public String toString() {
            return "Problem[redacted]";
        }
    }

    public record PlanRequest(@NotNull @Size(min = 1, max = 10) List<@NotNull @Valid Problem> problems,
            @NotNull @Schema(description = "When the plan is next reviewed; on the therapists' list of reviews due")
            LocalDate reviewOn) {

        @Override
        public String toString() {
            return "PlanRequest[reviewOn=" + reviewOn + "]";
        }
    }

    public record Agreement(UUID partnerId, Instant agreedAt) {
    }

    public record VersionResponse(int number, PlanStatus status, LocalDate reviewOn,
            @Schema(description = "Therapists of the couple, and the partners for a signed version; null for an"
                    + " admin") List<Problem> problems,
            Instant createdAt, Instant signedAt, UUID signedBy, List<Agreement> agreements) {

        @Override
        public String toString() {
            return "VersionResponse[number=" + number + "]";
        }
    }

    public record PlanResponse(UUID id, UUID coupleId, VersionResponse latest,
            @Schema(description = "The signed version in force; null before the first signature") Integer inForce,
            @Schema(description = "Every version, oldest first, without its words") List<VersionResponse> history,
            long version) implements Tagged {

        @Override
        public String toString() {
            return "PlanResponse[id=" + id + "]";
        }
    }

    public record ReviewDue(UUID planId, UUID coupleId, LocalDate reviewOn, boolean overdue) {
    }

    /** An objective with a measure, against what was measured (for the progress summary and the report). */
    public record ObjectiveProgress(String path, @Schema(description = "Therapists only") String text, String key,
            UUID partnerId, Comparator comparator, double target, LocalDate targetDate,
            @Schema(description = "The latest value in the period; null if none") Double latest,
            LocalDate latestOn, @Schema(description = "null without a value") Boolean met) {

        @Override
        public String toString() {
            return "ObjectiveProgress[" + path + "]";
        }
    }
}
