package org.tandem.common;

import java.time.LocalDate;

/**
 * A day a client sends for something that has already happened (a screening, a reading, a break, a stage reached):
 * today in the clinic's calendar when left out, and never in the future (400 naming the field).
 */
public final class PastDay {

    private PastDay() {
    }

    /** {@code day}, or {@code today} when it is null; refused when after {@code today}. */
    public static LocalDate orToday(LocalDate day, LocalDate today, String field) {
        LocalDate on = day != null ? day : today;
        requireNotAfter(on, today, field);
        return on;
    }

    /** Refuses a day after {@code today}; a null day (not given) passes. */
    public static void requireNotAfter(LocalDate day, LocalDate today, String field) {
        if (day != null && day.isAfter(today)) {
            throw new InvalidField(field, "must not be in the future");
        }
    }
}
