package org.tandem.clinic;

import lombok.AccessLevel;
import lombok.Getter;
import org.tandem.common.persistence.Versioned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.ZoneId;

/** The tenant. Every other record belongs to exactly one clinic. */
@Entity
@Table(name = "clinic")
@Getter
public class Clinic extends Versioned {

    /** The value of the {@code clinic} claim in the caller's token. */
    @Column(name = "clinic_key", nullable = false, updatable = false, length = 64)
    private String key;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "time_zone", nullable = false, length = 64)
    @Getter(AccessLevel.NONE)
    private String timeZone;

    /** Cancelling closer than this before a session's start flags the cancellation late. */
    @Column(name = "late_cancel_hours", nullable = false)
    private int lateCancelHours = 24;

    /** How long before a session reminders go out ({@code P1D,PT2H}); null: the deployment's default. */
    @Column(name = "reminder_offsets", length = 100)
    private String reminderOffsets;

    /** Whether each partner must have been screened for intimate-partner violence before joint sessions. */
    @Column(name = "ipv_screening_required", nullable = false)
    private boolean ipvScreeningRequired;

    protected Clinic() {
    }

    public Clinic(String key, String name, ZoneId timeZone) {
        this.key = key;
        this.name = name;
        this.timeZone = timeZone.getId();
    }

    public ZoneId getTimeZone() {
        return ZoneId.of(timeZone);
    }

    public Duration getLateCancelWindow() {
        return Duration.ofHours(lateCancelHours);
    }

    /** The clinic's own settings, changed by its admins. */
    public void updateSettings(String name, ZoneId timeZone, int lateCancelHours, String reminderOffsets,
            boolean ipvScreeningRequired) {
        this.name = name;
        this.timeZone = timeZone.getId();
        this.lateCancelHours = lateCancelHours;
        this.reminderOffsets = reminderOffsets;
        this.ipvScreeningRequired = ipvScreeningRequired;
    }

    @Override
    public String toString() {
        return "Clinic[id=" + getId() + "]";
    }
}
