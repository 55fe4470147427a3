package org.tandem.exercise;

/** Who does an exercise: both partners, or the partner with that recovery role. */
public enum Performer {
    BOTH,
    IN_RECOVERY,
    PARTNER
}
