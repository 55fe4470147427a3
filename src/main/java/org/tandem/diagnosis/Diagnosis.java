package org.tandem.diagnosis;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import org.tandem.common.PastDay;
import org.tandem.common.Conflict;
import org.tandem.common.InvalidField;
import org.tandem.common.persistence.Tracked;

/**
 * A diagnosis of one partner: a code from the clinic's list, its onset, and whether it is active. Never deleted nor
 * recoded: it is resolved (with the day), or marked entered in error when it was recorded by mistake; a different
 * diagnosis is a new record. Only the couple's therapists read the code (admins see that one exists).
 */
@Entity
@Table(name = "diagnosis")
@Getter
public class Diagnosis extends Tracked {

    @Column(name = "clinic_id", nullable = false, updatable = false)
    @Getter(AccessLevel.NONE)
    private UUID clinicId;

    @Column(name = "couple_id", nullable = false, updatable = false)
    private UUID coupleId;

    @Column(name = "partner_id", nullable = false, updatable = false)
    private UUID partnerId;

    @Column(nullable = false, updatable = false, length = 8)
    private String code;

    @Column(name = "onset_on", updatable = false)
    private LocalDate onsetOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private DiagnosisStatus status;

    @Column(name = "resolved_on")
    private LocalDate resolvedOn;

    @Column(name = "recorded_by", nullable = false, updatable = false, length = 255)
    private String recordedBy;

    protected Diagnosis() {
    }

    Diagnosis(UUID clinicId, UUID coupleId, UUID partnerId, String code, LocalDate onsetOn, LocalDate today,
            String recordedBy) {
        PastDay.requireNotAfter(onsetOn, today, "onsetOn");
        this.clinicId = clinicId;
        this.coupleId = coupleId;
        this.partnerId = partnerId;
        this.code = code;
        this.onsetOn = onsetOn;
        this.status = DiagnosisStatus.ACTIVE;
        this.recordedBy = recordedBy;
    }

    /** No longer present from {@code on}: not before the onset, not in the future. */
    void resolve(LocalDate on, LocalDate today) {
        if (status != DiagnosisStatus.ACTIVE) {
            throw new Conflict("diagnosis-not-active", "Diagnosis Not Active",
                    "Only an active diagnosis can be resolved; this one is " + status + ".");
        }
        PastDay.requireNotAfter(on, today, "resolvedOn");
        if (onsetOn != null && on.isBefore(onsetOn)) {
            throw new InvalidField("resolvedOn", "must not be before the onset");
        }
        this.status = DiagnosisStatus.RESOLVED;
        this.resolvedOn = on;
        touch();
    }

    /** Recorded by mistake: it stays, marked, and counts nowhere. Once. */
    void markEnteredInError() {
        if (status == DiagnosisStatus.ENTERED_IN_ERROR) {
            throw new Conflict("entered-in-error", "Already entered in error",
                    "This diagnosis was marked as entered in error before.");
        }
        this.status = DiagnosisStatus.ENTERED_IN_ERROR;
        touch();
    }

    @Override
    public String toString() {
        return "Diagnosis[id=" + getId() + ", status=" + status + "]";
    }
}
