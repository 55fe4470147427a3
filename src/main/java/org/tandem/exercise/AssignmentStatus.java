package org.tandem.exercise;

public enum AssignmentStatus {
    ACTIVE,
    PAUSED,
    COMPLETED,
    CANCELLED
}
