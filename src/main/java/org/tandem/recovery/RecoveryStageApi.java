package org.tandem.recovery;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of recovery stages. */
public final class RecoveryStageApi {

    private RecoveryStageApi() {
    }

    public record StageRequest(
            @NotNull @Schema(description = "A stage of the partner's own track: for the betrayed partner"
                    + " SAFETY_AND_STABILISATION, REMEMBRANCE_AND_MOURNING or RECONNECTION; for the partner in"
                    + " recovery DEVELOPING, CRISIS_AND_DECISION, SHOCK, GRIEF, REPAIR or GROWTH") RecoveryStage stage,
            @Schema(description = "From when, in the clinic's calendar; not in the future; left out: today")
            LocalDate since) {
    }

    public record StageResponse(UUID id, UUID coupleId, UUID partnerId, RecoveryStage stage, LocalDate since,
            @Schema(description = "Whether it is the partner's stage now (the latest by date)") boolean current,
            String recordedBy, Instant createdAt) {
    }

    /** The stage a partner is in, for the progress summary. */
    public record CurrentStage(RecoveryStage stage, LocalDate since) {
    }
}
