package org.tandem.exercise;

/** What an exercise works on. COPING covers exercise, mindfulness and creative outlets. */
public enum ExerciseCategory {
    TRUST,
    BOUNDARIES,
    COMMUNICATION,
    COPING,
    INTIMACY,
    RELAPSE_PREVENTION,
    CHECK_IN
}
