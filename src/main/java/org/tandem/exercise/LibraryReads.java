package org.tandem.exercise;

import java.util.UUID;

/** What other features (treatment plans) ask of the exercise library; answered by ExerciseService. */
public interface LibraryReads {

    /** Whether {@code exerciseId} is an exercise of the clinic's library (archived ones included). */
    boolean isInLibrary(UUID clinicId, UUID exerciseId);
}
