package org.tandem.sobriety;

/**
 * A brief lapse (SLIP) or a return to the old pattern (RELAPSE). Both restart the streak; the kind tells the
 * therapist, and the history, which it was.
 */
public enum ResetKind {
    SLIP,
    RELAPSE
}
