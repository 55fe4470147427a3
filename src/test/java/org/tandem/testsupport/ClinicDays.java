package org.tandem.testsupport;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * "Today" as each demo clinic sees it. A date the API checks against the clinic's calendar (not in the future, within
 * the last week) must be taken in the clinic's zone: the JVM's UTC date is tomorrow in New York every evening.
 */
public final class ClinicDays {

    /** The demo clinic (admin1, therapist1 to therapist3). */
    public static final ZoneId DEMO = ZoneId.of("Europe/Berlin");
    /** The other clinic (admin9, therapist9). */
    public static final ZoneId OTHER = ZoneId.of("America/New_York");

    private ClinicDays() {
    }

    public static LocalDate demoToday() {
        return LocalDate.now(DEMO);
    }

    public static LocalDate otherToday() {
        return LocalDate.now(OTHER);
    }
}
