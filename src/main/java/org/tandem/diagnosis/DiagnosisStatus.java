package org.tandem.diagnosis;

/** FHIR Condition's clinical status, with its verification status "entered-in-error" folded in. */
public enum DiagnosisStatus {
    ACTIVE, RESOLVED, ENTERED_IN_ERROR
}
