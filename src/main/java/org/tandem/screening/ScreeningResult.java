package org.tandem.screening;

/** The result of a screening: a concern puts joint sessions on hold until a therapist clears it. */
public enum ScreeningResult {
    NO_CONCERN,
    CONCERN
}
