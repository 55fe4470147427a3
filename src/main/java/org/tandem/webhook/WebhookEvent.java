package org.tandem.webhook;

import java.util.Arrays;
import java.util.Optional;
import lombok.RequiredArgsConstructor;

/** The events a clinic can subscribe to. Payloads carry ids and minimal data, never names or clinical text. */
@RequiredArgsConstructor
public enum WebhookEvent {
    SESSION_SCHEDULED("session.scheduled"),
    SESSION_RESCHEDULED("session.rescheduled"),
    SESSION_CANCELLED("session.cancelled"),
    SESSION_COMPLETED("session.completed"),
    NOTE_SIGNED("note.signed"),
    ASSIGNMENT_COMPLETED("assignment.completed"),
    COMPLETION_ENTERED_IN_ERROR("assignment.completion-entered-in-error"),
    MEASUREMENT_RECORDED("measurement.recorded"),
    MEASUREMENT_ENTERED_IN_ERROR("measurement.entered-in-error"),
    SAFETY_FLAGGED("safety.flagged"),
    DIAGNOSIS_RECORDED("diagnosis.recorded"),
    DIAGNOSIS_RESOLVED("diagnosis.resolved"),
    DIAGNOSIS_ENTERED_IN_ERROR("diagnosis.entered-in-error"),
    CONSENT_SIGNED("consent.signed"),
    CONSENT_REVOKED("consent.revoked"),
    SAFETY_PLAN_REVISED("safety-plan.revised"),
    TREATMENT_PLAN_CHANGED("treatment-plan.changed"),
    TREATMENT_PLAN_SIGNED("treatment-plan.signed"),
    TREATMENT_PLAN_AGREED("treatment-plan.agreed"),
    REMINDER_DUE("reminder.due");

    private final String wireName;

    public String wireName() {
        return wireName;
    }

    public static Optional<WebhookEvent> of(String name) {
        return Arrays.stream(values()).filter(e -> e.wireName.equals(name)).findFirst();
    }
}
