package org.tandem.notification;

/** What a message is about. */
public enum NotificationKind {
    /** Before a session, at each of the clinic's reminder offsets. */
    SESSION_REMINDER,
    /** A session was booked (one of a series included). */
    SESSION_SCHEDULED,
    /** A session moved to another time. */
    SESSION_MOVED,
    /** A session was cancelled. */
    SESSION_CANCELLED,
    /** To the couple's therapists: a safety flag needs them. */
    SAFETY_FLAG,
    /** To a therapist with sessions today, in the morning: how many and when the first starts. */
    AGENDA_DIGEST,
    /** To the couple's therapists: a treatment plan's or a boundary's review date has come. */
    REVIEW_DUE,
    /** To a series' therapist: the hourly extension could not book an occurrence, it clashed with a session. */
    SERIES_SKIPPED,
    /** To a partner: an exercise is due by its cadence and not logged yet (never which exercise). */
    HOMEWORK_NUDGE,
    /** To a partner who keeps daily check-ins: today's is not written yet (never anything of the check-ins). */
    CHECK_IN_REMINDER;

    /** Whether turning reminders off stops it: a partner's session reminders and nudges, a therapist's routine notes. */
    boolean isReminder() {
        return this == SESSION_REMINDER || this == HOMEWORK_NUDGE || this == CHECK_IN_REMINDER || this == AGENDA_DIGEST
                || this == REVIEW_DUE;
    }
}
