package org.tandem.exercise;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Adherence is derived, never stored: from the cadence, the assignment's active days (its date range minus paused
 * periods) and the dates someone logged a completion. Weeks run Monday to Sunday.
 *
 * <ul>
 * <li>DAILY: every active day is due once; a completion counts on its own day.</li>
 * <li>WEEKLY and TIMES_PER_WEEK: each week with active days asks for its number (prorated in partial weeks, at least
 * one); completions on active days of that week count, up to that number.</li>
 * <li>ONCE: due once, on the first active day in the range; any completion on an active day in the range counts.</li>
 * </ul>
 * Completions on paused or out-of-range days count for nothing.
 */
public final class Adherence {

    /** A closed range of dates. */
    public record Period(LocalDate from, LocalDate to) {
        boolean contains(LocalDate day) {
            return !day.isBefore(from) && !day.isAfter(to);
        }
    }

    /** Done out of due; {@code rate} is null when nothing was due. */
    public record Result(int due, int done, Double rate) {
        static Result of(int due, int done) {
            return new Result(due, done, due == 0 ? null : Math.round(1000.0 * done / due) / 1000.0);
        }
    }

    private Adherence() {
    }

    /**
     * @param assignment when the assignment runs (its end may be open: pass the range end)
     * @param paused     periods in which it was paused (inclusive)
     * @param range      the dates asked about
     * @param completed  the dates one partner logged a completion
     */
    public static Result compute(Cadence cadence, Period assignment, Collection<Period> paused, Period range,
            Collection<LocalDate> completed) {
        Period counted = new Period(max(assignment.from(), range.from()), min(assignment.to(), range.to()));
        if (counted.from().isAfter(counted.to())) {
            return Result.of(0, 0);
        }
        // One pass over the weeks, day by day: a summary asks this for every assignment over up to a year.
        Set<LocalDate> done = completed instanceof Set<LocalDate> set ? set : new HashSet<>(completed);
        int due = 0;
        int doneInTime = 0;
        int activeDays = 0;
        int activeDaysDone = 0;
        LocalDate week = counted.from().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        for (; !week.isAfter(counted.to()); week = week.plusWeeks(1)) {
            int active = 0;
            int doneThisWeek = 0;
            for (int i = 0; i < 7; i++) {
                LocalDate day = week.plusDays(i);
                if (counted.contains(day) && !pausedOn(paused, day)) {
                    active++;
                    doneThisWeek += done.contains(day) ? 1 : 0;
                }
            }
            int dueThisWeek = cadence.kind() == Cadence.Kind.ONCE ? 0 : cadence.dueInWeek(active);
            due += dueThisWeek;
            doneInTime += Math.min(dueThisWeek, doneThisWeek);
            activeDays += active;
            activeDaysDone += doneThisWeek;
        }
        if (cadence.kind() == Cadence.Kind.ONCE) {
            return activeDays == 0 ? Result.of(0, 0) : Result.of(1, activeDaysDone == 0 ? 0 : 1);
        }
        return Result.of(due, doneInTime);
    }

    private static boolean pausedOn(Collection<Period> paused, LocalDate day) {
        for (Period p : paused) {
            if (p.contains(day)) {
                return true;
            }
        }
        return false;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
