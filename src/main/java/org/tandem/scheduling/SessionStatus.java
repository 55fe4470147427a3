package org.tandem.scheduling;

/** A session starts SCHEDULED and ends in exactly one of the other three; none of them is left again. */
public enum SessionStatus {
    SCHEDULED,
    COMPLETED,
    CANCELLED,
    NO_SHOW
}
