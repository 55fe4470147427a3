package org.tandem.checkin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tandem.common.web.Tagged;

/** Request and response bodies of daily check-ins. */
public final class CheckInApi {

    private CheckInApi() {
    }

    @Schema(description = "A FANOS check-in: feelings, affirmation (of the other partner), needs, ownership (of"
            + " one's own part), sobriety (for the partner in recovery: the day's sobriety; for the betrayed partner:"
            + " their own self-care). Feelings are required; the other parts may be left out")
    public record CheckInRequest(
            @NotBlank @Size(max = 2000) String feelings,
            @Size(max = 2000) String affirmation,
            @Size(max = 2000) String needs,
            @Size(max = 2000) String ownership,
            @Size(max = 2000) String sobriety,
            @NotNull @Schema(description = "Whether the other partner may read it (the therapists always do)")
            Boolean shared) {

        @Override
        public String toString() {
            return "CheckInRequest[redacted]";
        }
    }

    /** The sealed words, as one JSON document. */
    record Content(String feelings, String affirmation, String needs, String ownership, String sobriety) {

        @Override
        public String toString() {
            return "Content[redacted]";
        }
    }

    public record CheckInResponse(UUID id, UUID partnerId, LocalDate day,
            @Schema(description = "Null where the caller may only know that it exists (an admin)") String feelings,
            String affirmation, String needs, String ownership, String sobriety, boolean shared,
            Instant updatedAt, long version) implements Tagged {

        @Override
        public String toString() {
            return "CheckInResponse[" + id + "]";
        }
    }

    @Schema(description = "Days with a check-in out of the days of the period (from the later of its start and the"
            + " couple's first day of care)")
    public record Adherence(UUID partnerId, int days, int checkedIn, double rate) {
    }

    public record CoupleCheckIns(UUID coupleId, LocalDate from, LocalDate to, List<Adherence> adherence,
            List<CheckInResponse> checkIns) {

        @Override
        public String toString() {
            return "CoupleCheckIns[" + coupleId + "]";
        }
    }
}
