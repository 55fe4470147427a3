package org.tandem.screening;

/**
 * How a partner was screened: a brief validated screen (HITS: hurt, insult, threaten, scream; WAST: the Woman Abuse
 * Screening Tool; PVS: the Partner Violence Screen; CTS2S: the short form of the revised Conflict Tactics Scales),
 * a structured clinical interview, or another method.
 */
public enum ScreeningMethod {
    HITS,
    WAST,
    PVS,
    CTS2S,
    CLINICAL_INTERVIEW,
    OTHER
}
