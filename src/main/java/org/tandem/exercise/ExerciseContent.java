package org.tandem.exercise;

import java.util.List;

/** What an exercise says and asks, as one version holds it. */
public record ExerciseContent(String title, ExerciseCategory category, String instructions, Performer performer,
        Cadence cadence, int estimatedMinutes, List<String> prompts) {
}
