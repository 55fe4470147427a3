package org.tandem.testsupport;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Distinct calendar days for tests that book the shared demo therapists, so no two tests ever compete for a slot
 * by accident. Single sessions get winter days from 2031 on (or any day from 2033 on); series get ten-week windows
 * from 2040 on.
 */
public final class Slots {

    private static final AtomicInteger DAYS = new AtomicInteger();
    private static final AtomicInteger WINDOWS = new AtomicInteger();
    private static final AtomicInteger ANY_DAYS = new AtomicInteger();

    private Slots() {
    }

    /** A fresh weekday (Monday to Friday) from 2031 on. */
    public static LocalDate day() {
        return weekday(LocalDate.of(2031, 1, 6), DAYS);
    }

    /**
     * A fresh weekday from 2033 on, for tests that book many sessions and do not care which season it is: they
     * leave {@link #day()}'s winter days of 2031 to the tests that check UTC offsets.
     */
    public static LocalDate anyDay() {
        return weekday(LocalDate.of(2033, 1, 3), ANY_DAYS);
    }

    private static LocalDate weekday(LocalDate first, AtomicInteger next) {
        LocalDate day;
        do {
            day = first.plusDays(next.getAndIncrement());
        } while (day.getDayOfWeek().getValue() > 5);
        return day;
    }

    /** The Monday that starts a fresh ten-week window from 2040 on. */
    public static LocalDate window() {
        return LocalDate.of(2040, 1, 2).plusWeeks(10L * WINDOWS.getAndIncrement());
    }
}
