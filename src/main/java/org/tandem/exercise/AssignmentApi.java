package org.tandem.exercise;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tandem.common.ErrorMarkApi.EnteredInError;
import org.tandem.common.web.Tagged;

/** Request and response bodies of {@code /api/v1/couples/{id}/assignments}. */
public final class AssignmentApi {

    private AssignmentApi() {
    }

    public record AssignmentRequest(
            @NotNull UUID exerciseId,
            @Schema(description = "One partner; omit to assign to the couple") UUID partnerId,
            @Schema(description = "Defaults to the exercise's cadence") Cadence.Kind cadence,
            @Min(1) @Max(7) Integer timesPerWeek,
            @NotNull LocalDate startsOn,
            LocalDate endsOn,
            @Size(max = 2000) @Schema(description = "For the partners doing it: they read it in their own app"
                    + " (GET /api/v1/me/assignments). Not a place for clinical remarks; those go in the session note")
            String note) {

        @Override
        public String toString() {
            return "AssignmentRequest[exercise=" + exerciseId + "]";
        }
    }

    public record StatusRequest(@NotNull AssignmentStatus status) {
    }

    public record CompletionRequest(
            @NotNull UUID partnerId,
            @NotNull @Schema(description = "The day it was done, in the clinic's calendar") LocalDate date,
            @Size(max = 4000) @Schema(description = "Answers to the prompts; clinical data") String reflection,
            @Schema(description = "Share the reflection with the other partner (default false)") Boolean shared,
            @Min(1) @Max(5) Integer rating) {

        @Override
        public String toString() {
            return "CompletionRequest[redacted]";
        }
    }

    public record PauseResponse(LocalDate from, LocalDate until) {
    }

    /** A completion a partner logs for themselves. */
    public record MyCompletionRequest(
            @NotNull @Schema(description = "The day it was done, in the clinic's calendar") LocalDate date,
            @Size(max = 4000) @Schema(description = "Answers to the prompts; for your therapists, and for the"
                    + " other partner only if shared") String reflection,
            @Schema(description = "Share the reflection with the other partner (default false)") Boolean shared,
            @Min(1) @Max(5) Integer rating) {

        @Override
        public String toString() {
            return "MyCompletionRequest[date=" + date + "]";
        }
    }

    public record AssignmentResponse(UUID id, UUID coupleId, UUID partnerId, ExerciseApi.ExerciseVersionResponse exercise,
            ExerciseApi.CadenceResponse cadence, LocalDate startsOn, LocalDate endsOn, String note,
            AssignmentStatus status, List<PauseResponse> pauses, long version) implements Tagged {

        @Override
        public String toString() {
            return "AssignmentResponse[id=" + id + "]";
        }
    }

    public record CompletionResponse(UUID id, UUID partnerId, LocalDate date, String reflection, boolean shared,
            Integer rating, Instant loggedAt,
            @Schema(description = "Set once the completion was marked as logged by mistake; adherence then leaves it"
                    + " out. The reason is for therapists only") EnteredInError enteredInError) {

        @Override
        public String toString() {
            return "CompletionResponse[id=" + id + "]";
        }
    }

    public record PartnerAdherence(UUID partnerId, int due, int done, Double rate) {
    }

    /** One assignment's adherence over a period, in the progress summary. */
    public record AssignmentAdherence(UUID assignmentId, String exercise, ExerciseCategory category,
            AssignmentStatus status, List<PartnerAdherence> partners) {
    }

    public record AdherenceResponse(UUID assignmentId, LocalDate from, LocalDate to, List<PartnerAdherence> partners) {
    }
}
