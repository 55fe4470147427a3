package org.tandem.exercise;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tandem.common.web.Tagged;

/** Request and response bodies of {@code /api/v1/exercises}. */
public final class ExerciseApi {

    private ExerciseApi() {
    }

    public record ExerciseRequest(
            @NotBlank @Size(max = 200) String title,
            @NotNull ExerciseCategory category,
            @NotBlank @Size(max = 20000) @Schema(description = "Markdown") String instructions,
            @NotNull Performer performer,
            @NotNull Cadence.Kind cadence,
            @Min(1) @Max(7) @Schema(description = "Only for TIMES_PER_WEEK") Integer timesPerWeek,
            @NotNull @Min(1) @Max(600) Integer estimatedMinutes,
            @Size(max = 10) List<@NotBlank @Size(max = 500) String> prompts) {

        ExerciseContent toContent() {
            return new ExerciseContent(title.trim(), category, instructions, performer, Cadence.of(cadence, timesPerWeek),
                    estimatedMinutes, prompts == null ? List.of() : prompts);
        }
    }

    public record CadenceResponse(Cadence.Kind kind, Integer timesPerWeek) {
    }

    public record ExerciseVersionResponse(UUID exerciseId, int number, String title, ExerciseCategory category,
            String instructions, Performer performer, CadenceResponse cadence, int estimatedMinutes,
            List<String> prompts, Instant createdAt) {
    }

    public record ExerciseResponse(UUID id, boolean archived, ExerciseVersionResponse current, List<Integer> versions,
            long version) implements Tagged {
    }

    static ExerciseVersionResponse toResponse(ExerciseVersion v) {
        ExerciseContent c = v.content();
        return new ExerciseVersionResponse(v.getExercise().getId(), v.getNumber(), c.title(), c.category(),
                c.instructions(), c.performer(), new CadenceResponse(c.cadence().kind(), c.cadence().timesPerWeek()),
                c.estimatedMinutes(), c.prompts(), v.getCreatedAt());
    }

    static ExerciseResponse toResponse(Exercise e) {
        return new ExerciseResponse(e.getId(), e.isArchived(), toResponse(e.current()),
                e.getVersions().stream().map(ExerciseVersion::getNumber).toList(), e.getVersion());
    }
}
