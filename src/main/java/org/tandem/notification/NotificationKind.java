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
    SAFETY_FLAG
}
