package org.tandem.safetyplan;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tandem.common.web.Tagged;

/** Request and response bodies of safety plans. */
public final class SafetyPlanApi {

    private SafetyPlanApi() {
    }

    /** The sections of a Stanley-Brown safety plan, each a list of short entries in the partner's own words. */
    public record Sections(
            @NotNull @Size(max = 20) @Schema(description = "Thoughts, moods, situations that come before a crisis")
            List<@NotBlank @Size(max = 500) String> warningSigns,
            @NotNull @Size(max = 20) @Schema(description = "What I can do on my own to take my mind off it")
            List<@NotBlank @Size(max = 500) String> copingStrategies,
            @NotNull @Size(max = 20) @Schema(description = "People and places that help me feel better or distract"
                    + " me, and people I can ask for help") List<@NotBlank @Size(max = 500) String> peopleAndPlaces,
            @NotNull @Size(max = 20) @Schema(description = "Professionals and crisis lines, with how to reach them")
            List<@NotBlank @Size(max = 500) String> professionalsAndCrisisLines,
            @NotNull @Size(max = 20) @Schema(description = "Making the environment safe")
            List<@NotBlank @Size(max = 500) String> makingTheEnvironmentSafe) {

        @Override
        public String toString() {
            return "Sections[redacted]";
        }
    }

    public record VersionResponse(int number, Sections sections, Instant createdAt) {

        @Override
        public String toString() {
            return "VersionResponse[number=" + number + "]";
        }
    }

    public record SafetyPlanResponse(UUID id, UUID coupleId, UUID partnerId, VersionResponse current,
            @Schema(description = "Every version, oldest first; the partner's own view has the current one only")
            List<VersionResponse> history, Instant updatedAt, long version) implements Tagged {

        @Override
        public String toString() {
            return "SafetyPlanResponse[id=" + id + "]";
        }
    }
}
