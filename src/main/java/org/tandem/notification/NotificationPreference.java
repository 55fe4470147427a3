package org.tandem.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalTime;
import java.util.UUID;
import lombok.Getter;
import org.tandem.common.InvalidField;

/**
 * A partner's or a therapist's choices about the messages Tandem sends them. Without a row, everything is on, there
 * are no quiet hours and a partner's reminders come at the clinic's offsets. Quiet hours are in the clinic's zone and
 * may span midnight (22:00 to 07:00). For a therapist, "reminders" are the agenda digest and review notes.
 */
@Entity
@Table(name = "notification_preference")
@Getter
public class NotificationPreference {

    /** The partner's or the therapist's id, whichever this row belongs to. */
    @Id
    @Column(name = "person_id")
    private UUID personId;

    @Column(name = "partner_id", updatable = false)
    private UUID partnerId;

    @Column(name = "therapist_id", updatable = false)
    private UUID therapistId;

    @Column(name = "clinic_id", nullable = false, updatable = false)
    private UUID clinicId;

    @Column(name = "email_enabled", nullable = false)
    private boolean emailEnabled = true;

    @Column(name = "reminders_enabled", nullable = false)
    private boolean remindersEnabled = true;

    @Column(name = "sms_enabled", nullable = false)
    private boolean smsEnabled = true;

    @Column(name = "quiet_from")
    private LocalTime quietFrom;

    @Column(name = "quiet_until")
    private LocalTime quietUntil;

    /** A partner's own reminder offsets ({@link ReminderOffsets}); null: the clinic's. */
    @Column(name = "reminder_offsets", length = 100)
    private String reminderOffsets;

    @Version
    @Column(nullable = false)
    private long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = createdAt;

    protected NotificationPreference() {
    }

    /** The defaults of a partner ({@code therapist} false) or a therapist, until they choose. */
    NotificationPreference(UUID personId, UUID clinicId, boolean therapist) {
        this.personId = personId;
        this.partnerId = therapist ? null : personId;
        this.therapistId = therapist ? personId : null;
        this.clinicId = clinicId;
    }

    public boolean isTherapist() {
        return therapistId != null;
    }

    void choose(boolean email, boolean reminders, boolean sms, LocalTime quietFrom, LocalTime quietUntil,
            String reminderOffsets) {
        if (reminderOffsets != null && isTherapist()) {
            throw new InvalidField("reminderOffsets", "applies to partners, whose sessions are reminded");
        }
        if ((quietFrom == null) != (quietUntil == null)) {
            throw new InvalidField("quietHours", "needs both from and until, or neither");
        }
        if (quietFrom != null && quietFrom.equals(quietUntil)) {
            throw new InvalidField("quietHours", "must not start and end at the same time");
        }
        this.emailEnabled = email;
        this.remindersEnabled = reminders;
        this.smsEnabled = sms;
        this.quietFrom = quietFrom;
        this.quietUntil = quietUntil;
        this.reminderOffsets = reminderOffsets;
        this.updatedAt = Instant.now();
    }

    /** One click in a message: no more e-mail. */
    void unsubscribe() {
        this.emailEnabled = false;
        this.updatedAt = Instant.now();
    }

    /** Whether {@code time} falls in the quiet hours (from inclusive, until exclusive; across midnight too). */
    public boolean isQuiet(LocalTime time) {
        if (quietFrom == null) {
            return false;
        }
        return quietFrom.isBefore(quietUntil) ? !time.isBefore(quietFrom) && time.isBefore(quietUntil)
                : !time.isBefore(quietFrom) || time.isBefore(quietUntil);
    }

    @Override
    public String toString() {
        return "NotificationPreference[person=" + personId + "]";
    }
}
