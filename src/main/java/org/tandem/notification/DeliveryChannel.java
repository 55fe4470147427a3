package org.tandem.notification;

/** The way a message went: by e-mail, or as the {@code reminder.due} event for the clinic's own SMS or push service. */
public enum DeliveryChannel {
    EMAIL, WEBHOOK
}
