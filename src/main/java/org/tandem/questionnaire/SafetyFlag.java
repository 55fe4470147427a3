package org.tandem.questionnaire;

import lombok.AccessLevel;
import lombok.Getter;
import org.tandem.common.persistence.Identified;
import org.tandem.common.Conflict;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * Something a therapist must look at now, e.g. a PHQ-9 answer about self-harm. It stays open on the couple and the
 * therapist's agenda until a therapist acknowledges it. The reason is a code, never the answer itself.
 */
@Entity
@Table(name = "safety_flag")
@Getter
public class SafetyFlag extends Identified {

    @Column(name = "clinic_id", nullable = false, updatable = false)
    @Getter(AccessLevel.NONE)
    private UUID clinicId;

    @Column(name = "couple_id", nullable = false, updatable = false)
    private UUID coupleId;

    @Column(name = "partner_id", nullable = false, updatable = false)
    private UUID partnerId;

    @Column(name = "response_id", updatable = false)
    private UUID responseId;

    @Column(nullable = false, updatable = false, length = 64)
    private String reason;

    @Column(name = "raised_at", nullable = false, updatable = false)
    private Instant raisedAt;

    @Column(name = "acknowledged_at")
    private Instant acknowledgedAt;

    @Column(name = "acknowledged_by", length = 255)
    private String acknowledgedBy;

    /** The safety plan the therapist made or reviewed for it, named when acknowledging. */
    @Column(name = "safety_plan_id")
    private UUID safetyPlanId;

    @Version
    private long version;

    protected SafetyFlag() {
    }

    SafetyFlag(UUID clinicId, UUID coupleId, UUID partnerId, UUID responseId, String reason) {
        this.clinicId = clinicId;
        this.coupleId = coupleId;
        this.partnerId = partnerId;
        this.responseId = responseId;
        this.reason = reason;
        this.raisedAt = Instant.now();
    }

    /** The reason of a flag a therapist raised themselves: no questionnaire answer behind it. */
    public static final String THERAPIST_CONCERN = "therapist-concern";

    /** A therapist's own concern about the partner, raised through the API. */
    static SafetyFlag raisedByTherapist(UUID clinicId, UUID coupleId, UUID partnerId) {
        return new SafetyFlag(clinicId, coupleId, partnerId, null, THERAPIST_CONCERN);
    }

    void acknowledge(String by, UUID safetyPlanId) {
        this.safetyPlanId = safetyPlanId;
        acknowledge(by);
    }

    void acknowledge(String by) {
        if (acknowledgedAt != null) {
            throw new Conflict("already-acknowledged", "Already Acknowledged",
                    "This safety flag was acknowledged before.");
        }
        this.acknowledgedAt = Instant.now();
        this.acknowledgedBy = by;
    }

    public boolean isOpen() {
        return acknowledgedAt == null;
    }

    @Override
    public String toString() {
        return "SafetyFlag[id=" + getId() + ", reason=" + reason + "]";
    }
}
