package org.tandem.sobriety;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Streaks across slips, table-driven. Day 0 is the sobriety date, 2031-01-01. */
class SobrietyTest {

    private static final LocalDate DAY0 = LocalDate.of(2031, 1, 1);

    static Stream<Arguments> table() {
        return Stream.of(
                // name, reset days, as-of day, current start day, current, longest
                row("first day counts 0", days(), 0, 0, 0, 0),
                row("ten days clean", days(), 10, 0, 10, 10),
                row("slip on day 10: 10 days were clean, new streak from day 11", days(10), 10, 11, 0, 10),
                row("the day after a slip is day 0 of the new streak", days(10), 11, 11, 0, 10),
                row("after a slip the new streak grows", days(10), 31, 11, 20, 20),
                row("the longest streak survives a later slip", days(30, 35), 40, 36, 4, 30),
                row("two resets on one day are one", days(5, 5), 10, 6, 4, 5),
                row("order of logging does not matter", days(35, 30), 40, 36, 4, 30),
                row("a reset after the day asked about is ignored", days(20), 15, 0, 15, 15),
                row("a reset before the sobriety date is ignored", days(-3), 7, 0, 7, 7),
                row("a slip on the sobriety date", days(0), 5, 1, 4, 4));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void derivesStreaks(String name, List<LocalDate> resets, LocalDate asOf, LocalDate start, long current,
            long longest) {
        Sobriety.Streaks s = Sobriety.compute(DAY0, resets, asOf);
        assertEquals(start, s.currentStart(), "current start");
        assertEquals(current, s.current(), "current");
        assertEquals(longest, s.longest(), "longest");
    }

    private static Arguments row(String name, List<LocalDate> resets, int asOf, int start, long current,
            long longest) {
        return Arguments.of(name, resets, DAY0.plusDays(asOf), DAY0.plusDays(start), current, longest);
    }

    private static List<LocalDate> days(int... offsets) {
        return Arrays.stream(offsets).mapToObj(DAY0::plusDays).toList();
    }
}
