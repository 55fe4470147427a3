package org.tandem.sobriety;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.TreeSet;

/**
 * Streaks, derived and never stored. The sobriety date is the first sober day; a slip or relapse on day D ends the
 * streak, and the next starts on D + 1. A streak counts completed sober days: 0 on its first day, the number of
 * days before the reset when it ends. Resets before the sobriety date (history before tracking began) and after
 * the day asked about are ignored; several on one day are one.
 */
public final class Sobriety {

    /** The streak running on {@code asOf} (it may start tomorrow, after a reset today) and the longest so far. */
    public record Streaks(LocalDate currentStart, long current, long longest) {

        @Override
        public String toString() {
            return "Streaks[redacted]";
        }
    }

    private Sobriety() {
    }

    public static Streaks compute(LocalDate sobrietyDate, Collection<LocalDate> resets, LocalDate asOf) {
        LocalDate start = sobrietyDate;
        long longest = 0;
        for (LocalDate reset : new TreeSet<>(resets)) {
            if (reset.isBefore(sobrietyDate) || reset.isAfter(asOf)) {
                continue;
            }
            longest = Math.max(longest, days(start, reset));
            start = reset.plusDays(1);
        }
        long current = days(start, asOf);
        return new Streaks(start, current, Math.max(longest, current));
    }

    private static long days(LocalDate start, LocalDate end) {
        return Math.max(0, ChronoUnit.DAYS.between(start, end));
    }
}
