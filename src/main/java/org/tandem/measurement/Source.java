package org.tandem.measurement;

/** Who produced a value: the therapist in session, or the partner themself (often through the clinic's app). */
public enum Source {
    THERAPIST,
    SELF_REPORT
}
