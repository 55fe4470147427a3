package org.tandem.exercise;

import org.tandem.common.web.Problems;

/**
 * How often an exercise is due: once, every day, n times per week, or once a week. {@code timesPerWeek} is set
 * only for {@link Kind#TIMES_PER_WEEK} (1 to 7).
 */
public record Cadence(Kind kind, Integer timesPerWeek) {

    public enum Kind {
        ONCE,
        DAILY,
        TIMES_PER_WEEK,
        WEEKLY
    }

    public Cadence {
        if (kind == null) {
            throw Problems.invalid("cadence", "body", "must not be null");
        }
        if (kind == Kind.TIMES_PER_WEEK) {
            if (timesPerWeek == null || timesPerWeek < 1 || timesPerWeek > 7) {
                throw Problems.invalid("timesPerWeek", "body", "must be between 1 and 7 for TIMES_PER_WEEK");
            }
        } else if (timesPerWeek != null) {
            throw Problems.invalid("timesPerWeek", "body", "applies only to TIMES_PER_WEEK");
        }
    }

    public static Cadence of(Kind kind, Integer timesPerWeek) {
        return new Cadence(kind, timesPerWeek);
    }

    /** Occurrences due in a week (Monday to Sunday) with this many active days, out of seven. */
    public int dueInWeek(int activeDays) {
        if (activeDays <= 0) {
            return 0;
        }
        return switch (kind) {
            case DAILY -> activeDays;
            case WEEKLY -> 1;
            // A partial week asks for its share, rounded down, but at least once: 3/week over 2 active days is 1.
            case TIMES_PER_WEEK -> Math.max(1, timesPerWeek * activeDays / 7);
            case ONCE -> throw new IllegalStateException("ONCE is not counted per week");
        };
    }
}
