package org.tandem.notification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** Reminders and messages ({@code tandem.notifications.*}). */
@ConfigMapping(prefix = "tandem.notifications")
public interface NotificationConfig {

    /**
     * How long before a session each reminder goes out. A whole number of days is counted in the clinic's calendar
     * (P1D: the day before at the same local time, 23 or 25 hours around a daylight-saving change); anything else is
     * that long before.
     */
    @WithDefault("P1D,PT2H")
    List<Duration> reminders();

    /** How often each replica looks for due messages (the sender's schedule); {@code off} stops it. */
    @WithDefault("10s")
    String pollInterval();

    /** How often each replica plans the agenda and review messages (the planner's schedule); {@code off} stops it. */
    @WithDefault("5m")
    String planInterval();

    /** When, in each clinic's zone, therapists get the day's agenda. */
    @WithDefault("07:00")
    java.time.LocalTime digestAt();

    /** When, in each clinic's zone, partners are nudged about an exercise their cadence says is due. */
    @WithDefault("18:00")
    java.time.LocalTime nudgeAt();

    /** When, in each clinic's zone, a partner who keeps daily check-ins is reminded of today's, if not written. */
    @WithDefault("20:00")
    java.time.LocalTime checkInAt();

    /** Which partners keep check-ins: those who wrote one in this many days before today. */
    @WithDefault("7")
    int checkInHabitDays();

    /** How long a replica holds a claimed message before another may take it over (it died). */
    @WithDefault("2m")
    Duration lease();

    /** Attempts before a message is given up; the wait doubles from {@link #firstRetry()}. */
    @WithDefault("6")
    int maxAttempts();

    @WithDefault("1m")
    Duration firstRetry();

    /** The clinic's app: messages link to {@code <app-url>/sessions/<id>} instead of saying anything clinical. */
    @WithDefault("https://app.tandem.invalid")
    String appUrl();
}
