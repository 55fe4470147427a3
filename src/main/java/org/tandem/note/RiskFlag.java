package org.tandem.note;

/** Risks a clinician flags in a note, to be followed up. */
public enum RiskFlag {
    SELF_HARM,
    HARM_TO_OTHERS,
    RELAPSE
}
