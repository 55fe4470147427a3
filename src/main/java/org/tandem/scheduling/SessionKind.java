package org.tandem.scheduling;

/** Who a session is with: both partners, one partner, or the intake of a new couple. */
public enum SessionKind {
    JOINT,
    INDIVIDUAL,
    INTAKE;

    /** Whether both partners take part (and so neither may be booked elsewhere at that time). */
    public boolean wholeCouple() {
        return this != INDIVIDUAL;
    }
}
