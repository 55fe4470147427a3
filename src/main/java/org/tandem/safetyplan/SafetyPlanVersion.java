package org.tandem.safetyplan;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.tandem.crypto.ClinicCipher;
import org.tandem.crypto.SealedVersion;

/** One version of a safety plan: its sections, sealed under the clinic's key and bound to this id. Never changed. */
@Entity
@Table(name = "safety_plan_version")
public class SafetyPlanVersion extends SealedVersion {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "plan_id", nullable = false, updatable = false)
    private SafetyPlan plan;

    protected SafetyPlanVersion() {
    }

    SafetyPlanVersion(SafetyPlan plan, int number, String createdBy) {
        super(number, createdBy);
        this.plan = plan;
    }

    /** Set once, before the version is first written. */
    void seal(ClinicCipher.Sealed content) {
        if (isSealed()) {
            throw new IllegalStateException("a safety plan version is sealed once");
        }
        sealContent(content);
    }
}
