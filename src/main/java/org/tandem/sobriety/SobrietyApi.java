package org.tandem.sobriety;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tandem.common.ErrorMarkApi.EnteredInError;

/** Request and response bodies of a partner's sobriety. */
public final class SobrietyApi {

    private SobrietyApi() {
    }

    public record ResetRequest(
            @NotNull @Schema(description = "The day of the slip or relapse; not in the future, not before the"
                    + " sobriety date") LocalDate date,
            @NotNull ResetKind kind,
            @Size(max = 4000) @Schema(description = "Private clinical note; encrypted, therapists only") String note) {

        @Override
        public String toString() {
            return "ResetRequest[kind=" + kind + "]";
        }
    }

    public record ResetResponse(UUID id, LocalDate date, ResetKind kind,
            @Schema(description = "Therapists only") String note, Instant loggedAt,
            @Schema(description = "Set once the reset was marked as logged by mistake; it then breaks no streak."
                    + " The reason is for therapists only") EnteredInError enteredInError) {

        @Override
        public String toString() {
            return "ResetResponse[id=" + id + "]";
        }
    }

    public record SobrietyResponse(UUID partnerId,
            @Schema(description = "The first sober day; set on the couple's partner") LocalDate sobrietyDate,
            LocalDate asOf, LocalDate currentStreakStart,
            @Schema(description = "Completed sober days of the current streak") Long currentStreakDays,
            Long longestStreakDays, List<ResetResponse> resets) {

        @Override
        public String toString() {
            return "SobrietyResponse[partner=" + partnerId + "]";
        }
    }
}
