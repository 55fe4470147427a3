package org.tandem.exercise;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

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
        LocalDate from = max(assignment.from(), range.from());
        LocalDate to = min(assignment.to(), range.to());
        if (from.isAfter(to)) {
            return Result.of(0, 0);
        }
        Set<LocalDate> active = new TreeSet<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            LocalDate d = day;
            if (paused.stream().noneMatch(p -> p.contains(d))) {
                active.add(day);
            }
        }
        Set<LocalDate> done = new TreeSet<>(completed);
        done.retainAll(active);
        if (cadence.kind() == Cadence.Kind.ONCE) {
            return active.isEmpty() ? Result.of(0, 0) : Result.of(1, done.isEmpty() ? 0 : 1);
        }
        int due = 0;
        int counted = 0;
        LocalDate week = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        for (; !week.isAfter(to); week = week.plusWeeks(1)) {
            List<LocalDate> days = week.datesUntil(week.plusDays(7)).filter(active::contains).toList();
            int dueThisWeek = cadence.dueInWeek(days.size());
            due += dueThisWeek;
            counted += Math.min(dueThisWeek, (int) days.stream().filter(done::contains).count());
        }
        return Result.of(due, counted);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
