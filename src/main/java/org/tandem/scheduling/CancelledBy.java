package org.tandem.scheduling;

public enum CancelledBy {
    CLINIC,
    THERAPIST,
    CLIENT
}
