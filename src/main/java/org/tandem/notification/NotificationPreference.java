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
 * A partner's choices about the messages Tandem sends them. Without a row, everything is on and there are no quiet
 * hours. Quiet hours are in the clinic's zone and may span midnight (22:00 to 07:00).
 */
@Entity
@Table(name = "notification_preference")
@Getter
public class NotificationPreference {

    @Id
    @Column(name = "partner_id")
    private UUID partnerId;

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

    @Version
    @Column(nullable = false)
    private long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = createdAt;

    protected NotificationPreference() {
    }

    NotificationPreference(UUID partnerId, UUID clinicId) {
        this.partnerId = partnerId;
        this.clinicId = clinicId;
    }

    void choose(boolean email, boolean reminders, boolean sms, LocalTime quietFrom, LocalTime quietUntil) {
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
        return "NotificationPreference[partner=" + partnerId + "]";
    }
}
