package org.tandem.timeline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tandem.couple.RecoveryRole;
import org.tandem.recovery.RecoveryStageApi.CurrentStage;

/** The trust timeline of {@code /api/v1/couples/{id}/trust-timeline}: categories, dates and numbers, no free text. */
public final class TimelineApi {

    private TimelineApi() {
    }

    /** What happened on a day of the couple's recovery. */
    public enum TimelineEventType {
        /** The betrayed partner discovered the betrayal (D-day), as recorded on the disclosure plan. */
        DISCOVERY,
        DISCLOSURE,
        /** category: DISCLOSURE or MAINTENANCE; outcome: the worst outcome of its questions (therapists only). */
        POLYGRAPH,
        /** category: IMPACT or RESTITUTION; the author shared it with the other partner. */
        LETTER_SHARED,
        /** category: IMPACT or RESTITUTION; read aloud in session. */
        LETTER_READ,
        /** category: AGREED (a new boundary) or RENEGOTIATED. */
        BOUNDARY_AGREED,
        /** partnerId: who broke it. */
        BOUNDARY_BROKEN,
        /** category: SLIP or RELAPSE; it ended a sobriety streak. */
        SOBRIETY_RESET,
        /** category: the stage. */
        RECOVERY_STAGE,
        /** value: the rating (0 to 10). */
        TRUST_RATING,
        /** value: the CSI-16 score (0 to 81); category: its band. */
        CSI_16
    }

    public record TimelineEvent(LocalDate on, TimelineEventType type,
            @Schema(description = "The partner it concerns; null for the couple") UUID partnerId,
            @Schema(description = "The record it comes from") UUID recordId, String category,
            @Schema(description = "A polygraph's result; null for an admin") String outcome, Double value) {
    }

    public record TimelinePartner(UUID partnerId, int seat, RecoveryRole recoveryRole, CurrentStage recoveryStage,
            @Schema(description = "For the partner in recovery") LocalDate currentStreakStart,
            Long currentStreakDays, Long longestStreakDays) {

        @Override
        public String toString() {
            return "TimelinePartner[" + partnerId + "]";
        }
    }

    public record TrustTimeline(UUID coupleId, LocalDate from, LocalDate to, List<TimelinePartner> partners,
            @Schema(description = "Oldest first") List<TimelineEvent> events, Instant generatedAt) {

        @Override
        public String toString() {
            return "TrustTimeline[" + coupleId + "]";
        }
    }
}
