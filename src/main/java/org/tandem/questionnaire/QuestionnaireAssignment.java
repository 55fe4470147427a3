package org.tandem.questionnaire;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import org.tandem.common.persistence.Versioned;

/**
 * A questionnaire a therapist asks one partner, or both, to fill in themselves. Each partner answers alone; the
 * answers stay private to them (and their therapists) until they share them.
 */
@Entity
@Table(name = "questionnaire_assignment")
@Getter
public class QuestionnaireAssignment extends Versioned {

    @Column(name = "clinic_id", nullable = false, updatable = false)
    private UUID clinicId;

    @Column(name = "couple_id", nullable = false, updatable = false)
    private UUID coupleId;

    @Column(name = "instrument_key", nullable = false, updatable = false, length = 64)
    private String instrumentKey;

    /** The one partner asked; null: both. */
    @Column(name = "partner_id", updatable = false)
    private UUID partnerId;

    @Column(name = "due_on", updatable = false)
    private LocalDate dueOn;

    @Column(name = "assigned_by", nullable = false, updatable = false, length = 255)
    @Getter(AccessLevel.NONE)
    private String assignedBy;

    protected QuestionnaireAssignment() {
    }

    QuestionnaireAssignment(UUID clinicId, UUID coupleId, String instrumentKey, UUID partnerId, LocalDate dueOn,
            String assignedBy) {
        this.clinicId = clinicId;
        this.coupleId = coupleId;
        this.instrumentKey = instrumentKey;
        this.partnerId = partnerId;
        this.dueOn = dueOn;
        this.assignedBy = assignedBy;
    }

    /** Whether the partner is one of those asked. */
    boolean asks(UUID partner) {
        return partnerId == null || partnerId.equals(partner);
    }

    @Override
    public String toString() {
        return "QuestionnaireAssignment[id=" + getId() + ", instrument=" + instrumentKey + "]";
    }
}
