package org.tandem.scheduling;

import java.time.Duration;
import java.time.Instant;

/** A span of time, start inclusive, end exclusive. */
public record SessionSlot(Instant start, Instant end) {

    public boolean overlaps(SessionSlot other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    public Duration length() {
        return Duration.between(start, end);
    }
}
