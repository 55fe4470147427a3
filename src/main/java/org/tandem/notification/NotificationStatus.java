package org.tandem.notification;

/**
 * A message's way: PENDING until due and claimed, SENDING while one replica holds it, SENT once the SMTP server
 * accepted it; GAVE_UP after the last failed attempt; WITHDRAWN when the session moved, was cancelled or ended, or
 * the couple was discharged; SKIPPED when there is nobody to send it to (no e-mail address).
 */
public enum NotificationStatus {
    PENDING, SENDING, SENT, GAVE_UP, WITHDRAWN, SKIPPED
}
