package org.tandem.notification;

/**
 * One step in a message's delivery history: QUEUED when it was written; SENT when the mail server accepted it,
 * FAILED when it refused or could not be reached (tried again later), GAVE_UP after the last attempt; POSTPONED to
 * the end of the recipient's quiet hours; SKIPPED (no address, opted out, quiet hours past the session's start);
 * WITHDRAWN (the session moved, was cancelled or ended, the reminder times changed, the couple was discharged);
 * PUBLISHED when a reminder's {@code reminder.due} event was handed to the clinic's webhook subscriptions.
 */
public enum DeliveryOutcome {
    QUEUED, SENT, FAILED, GAVE_UP, POSTPONED, SKIPPED, WITHDRAWN, PUBLISHED
}
