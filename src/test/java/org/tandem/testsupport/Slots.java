package org.tandem.testsupport;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Distinct calendar days for tests that book the shared demo therapists, so no two tests ever compete for a slot
 * by accident. Single sessions get days from 2031 on; series get ten-week windows from 2040 on.
 */
public final class Slots {

    private static final AtomicInteger DAYS = new AtomicInteger();
    private static final AtomicInteger WINDOWS = new AtomicInteger();

    private Slots() {
    }

    /** A fresh weekday (Monday to Friday) from 2031 on. */
    public static LocalDate day() {
        LocalDate day;
        do {
            day = LocalDate.of(2031, 1, 6).plusDays(DAYS.getAndIncrement());
        } while (day.getDayOfWeek().getValue() > 5);
        return day;
    }

    /** The Monday that starts a fresh ten-week window from 2040 on. */
    public static LocalDate window() {
        return LocalDate.of(2040, 1, 2).plusWeeks(10L * WINDOWS.getAndIncrement());
    }
}
