package org.tandem.treatmentplan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import lombok.Getter;
import org.tandem.common.persistence.Identified;

/** A partner's agreement, in their own app, to a signed version of the couple's treatment plan. */
@Entity
@Table(name = "treatment_plan_agreement")
@Getter
public class TreatmentPlanAgreement extends Identified {

    @Column(name = "version_id", nullable = false, updatable = false)
    private UUID versionId;

    @Column(name = "partner_id", nullable = false, updatable = false)
    private UUID partnerId;

    @Column(name = "agreed_at", nullable = false, updatable = false)
    private Instant agreedAt;

    protected TreatmentPlanAgreement() {
    }

    TreatmentPlanAgreement(UUID versionId, UUID partnerId) {
        this.versionId = versionId;
        this.partnerId = partnerId;
        this.agreedAt = Instant.now();
    }
}
