package org.tandem.measurement;

/** Which way a score or rating improves; decides the sign of "better" in reliable change and cut-offs. */
public enum Direction {
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER;

    /** The change from {@code before} to {@code after}, positive when it is an improvement. */
    public double improvement(double before, double after) {
        return this == HIGHER_IS_BETTER ? after - before : before - after;
    }
}
