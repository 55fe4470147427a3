package org.tandem.treatmentplan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import org.tandem.crypto.ClinicCipher;
import org.tandem.crypto.SealedVersion;

/** One version of a treatment plan: its words sealed and bound to this id; changed only while a DRAFT. */
@Entity
@Table(name = "treatment_plan_version")
@Getter
public class TreatmentPlanVersion extends SealedVersion {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "plan_id", nullable = false, updatable = false)
    @Getter(AccessLevel.NONE)
    private TreatmentPlan plan;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private PlanStatus status;

    @Column(name = "review_on", nullable = false)
    private LocalDate reviewOn;

    @Column(name = "signed_at")
    private Instant signedAt;

    @Column(name = "signed_by")
    private UUID signedBy;

    protected TreatmentPlanVersion() {
    }

    TreatmentPlanVersion(TreatmentPlan plan, int number, LocalDate reviewOn, String createdBy) {
        super(number, createdBy);
        this.plan = plan;
        this.status = PlanStatus.DRAFT;
        this.reviewOn = reviewOn;
    }

    /** The draft's words, sealed; replaced while it is a draft. */
    void seal(ClinicCipher.Sealed content) {
        requireDraft();
        sealContent(content);
    }

    void reviewOn(LocalDate day) {
        requireDraft();
        this.reviewOn = day;
    }

    void sign(UUID therapist) {
        requireDraft();
        this.status = PlanStatus.SIGNED;
        this.signedAt = Instant.now();
        this.signedBy = therapist;
    }

    void supersede() {
        this.status = PlanStatus.SUPERSEDED;
    }

    private void requireDraft() {
        if (status != PlanStatus.DRAFT) {
            throw new IllegalStateException("a signed plan version does not change");
        }
    }
}
