package org.tandem.progress;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tandem.couple.RecoveryRole;
import org.tandem.exercise.AssignmentApi.AssignmentAdherence;
import org.tandem.measurement.Direction;
import org.tandem.measurement.ReliableChange;
import org.tandem.measurement.Source;
import org.tandem.questionnaire.QuestionnaireApi.SafetyFlagResponse;
import org.tandem.recovery.RecoveryStageApi.CurrentStage;
import org.tandem.scheduling.SessionRepository.Attendance;
import org.tandem.treatmentplan.TreatmentPlanApi.ObjectiveProgress;

/** The progress summary of {@code /api/v1/couples/{id}/progress}. */
public final class ProgressApi {

    private ProgressApi() {
    }

    public enum Kind {
        RATING,
        QUESTIONNAIRE
    }

    /** One observation: a rating's value or a questionnaire's score (with its band). */
    public record Point(LocalDate date, double value, String band) {

        @Override
        public String toString() {
            return "Point[" + date + "]";
        }
    }

    @Schema(description = "A metric or instrument over the period for one partner (or the couple) and source."
            + " Change, reliable change and outcome need two observations and are null with fewer.")
    public record Trend(String key, String name, Kind kind, Source source, Direction direction,
            List<Point> series, Point baseline, Point latest, Double change,
            @Schema(description = "Jacobson-Truax reliable change index") Double rci,
            @Schema(description = "The smallest reliable change (95%)") double reliableChangeThreshold,
            Boolean reliable,
            @Schema(description = "Reliable improvement that crossed the cut-off; null without a cut-off")
            Boolean clinicallySignificant,
            ReliableChange.Outcome outcome) {

        @Override
        public String toString() {
            return "Trend[" + key + "]";
        }
    }

    public record Streaks(LocalDate sobrietyDate, LocalDate currentStreakStart, Long currentStreakDays,
            Long longestStreakDays, int resetsInPeriod) {

        @Override
        public String toString() {
            return "Streaks[redacted]";
        }
    }

    public record PartnerProgress(UUID partnerId, int seat, RecoveryRole recoveryRole,
            @Schema(description = "The partner's recovery stage now; null until a therapist records one")
            CurrentStage recoveryStage, List<Trend> ratings,
            List<Trend> questionnaires, @Schema(description = "For the partner in recovery") Streaks sobriety) {

        @Override
        public String toString() {
            return "PartnerProgress[" + partnerId + "]";
        }
    }

    public record BoundaryDue(UUID boundaryId, LocalDate nextReviewOn, boolean overdue) {
    }

    public record ProgressResponse(UUID coupleId, LocalDate from, LocalDate to, List<PartnerProgress> partners,
            @Schema(description = "Ratings of the couple as a whole") List<Trend> couple,
            List<AssignmentAdherence> adherence, Attendance attendance,
            @Schema(description = "Active boundaries due for review by the end of the period or today")
            List<BoundaryDue> boundaryReviewsDue,
            @Schema(description = "Open flags, and flags raised in the period") List<SafetyFlagResponse> safetyFlags,
            @Schema(description = "The treatment plan's measured objectives against the latest value in the period")
            List<ObjectiveProgress> objectives,
            Instant generatedAt) {

        @Override
        public String toString() {
            return "ProgressResponse[" + coupleId + "]";
        }
    }
}
