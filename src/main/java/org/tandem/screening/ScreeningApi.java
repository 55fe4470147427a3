package org.tandem.screening;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tandem.common.web.Tagged;

/** Request and response bodies of intimate-partner-violence screening. */
public final class ScreeningApi {

    private ScreeningApi() {
    }

    public record ScreeningRequest(@Schema(description = "Default: today") LocalDate screenedOn,
            @NotNull ScreeningMethod method, @NotNull ScreeningResult result) {
    }

    public record ScreeningClearanceRequest(@Schema(description = "Default: today") LocalDate clearedOn) {
    }

    public record ScreeningResponse(UUID id, UUID coupleId, UUID partnerId, LocalDate screenedOn,
            ScreeningMethod method,
            @Schema(description = "Null for an admin, who sees only whether joint sessions are on hold")
            ScreeningResult result, LocalDate clearedOn, boolean holdsJointSessions, String recordedBy,
            Instant createdAt, long version) implements Tagged {

        @Override
        public String toString() {
            return "ScreeningResponse[" + id + "]";
        }
    }

    public record CoupleScreenings(UUID coupleId,
            @Schema(description = "Whether new joint sessions are refused: a concern no therapist has cleared (which"
                    + " holds intakes too), or a partner not yet screened where the clinic requires screening")
            boolean jointSessionsOnHold,
            @Schema(description = "The partners the clinic requires to be screened before the couple's first joint"
                    + " session who have no screening yet; empty where the clinic does not require it or the couple"
                    + " already has joint sessions")
            List<UUID> unscreenedPartners,
            List<ScreeningResponse> screenings) {
    }
}
