package org.tandem.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tandem.exercise.Adherence.Period;
import org.tandem.exercise.Adherence.Result;

/**
 * The adherence arithmetic, table-driven. 2031-03-03 is a Monday; the assignment runs 2031-03-03 to 2031-03-30
 * (four full weeks) unless a row says otherwise.
 */
class AdherenceTest {

    private static final LocalDate MON = LocalDate.of(2031, 3, 3);

    static Stream<Arguments> table() {
        return Stream.of(
                // cadence, assignment from..to, paused (from,to pairs), range from..to, completed day offsets, due, done
                row("daily, every day done", daily(), 0, 27, none(), 0, 27, days(range(0, 27)), 28, 28),
                row("daily, one week asked", daily(), 0, 27, none(), 7, 13, days(7, 8, 9), 7, 3),
                row("daily, done twice a day counts once", daily(), 0, 27, none(), 0, 0, days(0, 0), 1, 1),
                row("daily, a paused week is not due", daily(), 0, 27, pause(7, 13), 0, 27, days(range(0, 6)), 21, 7),
                row("daily, done while paused counts nothing", daily(), 0, 27, pause(7, 13), 7, 13, days(8, 9), 0, 0),
                row("daily, before the start counts nothing", daily(), 7, 27, none(), 0, 27, days(0, 1, 7), 21, 1),
                row("3/week, full weeks", perWeek(3), 0, 27, none(), 0, 27, days(0, 2, 4, 7, 9, 11), 12, 6),
                row("3/week, extra in one week does not cover another", perWeek(3), 0, 13, none(), 0, 13,
                        days(0, 1, 2, 3, 4, 5), 6, 3),
                row("3/week, starting on Saturday: partial week asks once", perWeek(3), 5, 13, none(), 0, 13, days(5),
                        4, 1),
                row("3/week, partial week of 5 days asks 2; a third that week does not count", perWeek(3), 2, 13, none(), 0,
                        13, days(2, 3, 4), 5, 2),
                row("weekly, four weeks", weekly(), 0, 27, none(), 0, 27, days(1, 15), 4, 2),
                row("weekly, twice in one week is still one", weekly(), 0, 27, none(), 0, 27, days(1, 2), 4, 1),
                row("weekly, a week paused after Tuesday still asks once", weekly(), 0, 27, pause(9, 13), 7, 13, days(),
                        1, 0),
                row("once, done", once(), 0, 27, none(), 0, 27, days(12), 1, 1),
                row("once, range before the assignment", once(), 14, 27, none(), 0, 6, days(), 0, 0),
                row("nothing due when fully paused", daily(), 0, 6, pause(0, 6), 0, 6, days(1), 0, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void computesDoneOutOfDue(String name, Cadence cadence, Period assignment, List<Period> paused, Period range,
            List<LocalDate> completed, int due, int done) {
        Result result = Adherence.compute(cadence, assignment, paused, range, completed);
        assertEquals(due, result.due(), "due");
        assertEquals(done, result.done(), "done");
        assertEquals(due == 0 ? null : Math.round(1000.0 * done / due) / 1000.0, result.rate());
    }

    private static Arguments row(String name, Cadence cadence, int from, int to, List<Period> paused, int rangeFrom,
            int rangeTo, List<LocalDate> completed, int due, int done) {
        return Arguments.of(name, cadence, new Period(MON.plusDays(from), MON.plusDays(to)), paused,
                new Period(MON.plusDays(rangeFrom), MON.plusDays(rangeTo)), completed, due, done);
    }

    private static Cadence daily() {
        return Cadence.of(Cadence.Kind.DAILY, null);
    }

    private static Cadence weekly() {
        return Cadence.of(Cadence.Kind.WEEKLY, null);
    }

    private static Cadence once() {
        return Cadence.of(Cadence.Kind.ONCE, null);
    }

    private static Cadence perWeek(int n) {
        return Cadence.of(Cadence.Kind.TIMES_PER_WEEK, n);
    }

    private static List<Period> none() {
        return List.of();
    }

    private static List<Period> pause(int from, int to) {
        return List.of(new Period(MON.plusDays(from), MON.plusDays(to)));
    }

    private static int[] range(int from, int to) {
        return java.util.stream.IntStream.rangeClosed(from, to).toArray();
    }

    private static List<LocalDate> days(int... offsets) {
        return Arrays.stream(offsets).mapToObj(MON::plusDays).toList();
    }
}
