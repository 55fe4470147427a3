package org.tandem.treatmentplan;

/** A version's state: written, signed (locked, in force), or replaced by a later signed version. */
public enum PlanStatus {
    DRAFT, SIGNED, SUPERSEDED
}
