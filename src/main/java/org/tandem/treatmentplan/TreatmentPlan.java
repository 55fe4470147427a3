package org.tandem.treatmentplan;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import org.tandem.common.Conflict;
import org.tandem.common.persistence.Tracked;

/**
 * A couple's treatment plan with every version. The latest version is a DRAFT while it is written; a therapist
 * signs it, which locks it and supersedes the version signed before. A change to a signed plan starts a new draft;
 * the signed version stays in force until the draft is signed. {@code reviewOn} is the latest version's, for the
 * therapists' list of reviews due.
 */
@Entity
@Table(name = "treatment_plan")
@Getter
public class TreatmentPlan extends Tracked {

    @Column(name = "clinic_id", nullable = false, updatable = false)
    @Getter(AccessLevel.NONE)
    private UUID clinicId;

    @Column(name = "couple_id", nullable = false, updatable = false)
    private UUID coupleId;

    @Column(name = "current_number", nullable = false)
    @Getter(AccessLevel.NONE)
    private int currentNumber;

    @Column(name = "review_on", nullable = false)
    private LocalDate reviewOn;

    @OneToMany(mappedBy = "plan", cascade = CascadeType.PERSIST)
    @OrderBy("number")
    private List<TreatmentPlanVersion> versions = new ArrayList<>();

    protected TreatmentPlan() {
    }

    TreatmentPlan(UUID clinicId, UUID coupleId) {
        this.clinicId = clinicId;
        this.coupleId = coupleId;
    }

    /**
     * The version the new words go into: the draft, or a new draft after a signed version. The caller seals the
     * words into it.
     */
    TreatmentPlanVersion draft(LocalDate reviewOn, LocalDate today, String author) {
        if (reviewOn.isBefore(today)) {
            throw new org.tandem.common.InvalidField("reviewOn", "must not be in the past");
        }
        this.reviewOn = reviewOn;
        touch();
        if (currentNumber > 0 && latest().getStatus() == PlanStatus.DRAFT) {
            latest().reviewOn(reviewOn);
            return latest();
        }
        currentNumber++;
        TreatmentPlanVersion version = new TreatmentPlanVersion(this, currentNumber, reviewOn, author);
        versions.add(version);
        return version;
    }

    /** The draft is signed by {@code therapist}: locked and in force; the version signed before is superseded. */
    TreatmentPlanVersion sign(UUID therapist) {
        TreatmentPlanVersion draft = latest();
        if (draft.getStatus() != PlanStatus.DRAFT) {
            throw new Conflict("plan-signed", "Plan Signed", "There is no draft to sign; change the plan first.");
        }
        inForce().ifPresent(TreatmentPlanVersion::supersede);
        draft.sign(therapist);
        touch();
        return draft;
    }

    /** The highest version, draft or signed. */
    public TreatmentPlanVersion latest() {
        return versions.stream().filter(v -> v.getNumber() == currentNumber).findFirst().orElseThrow();
    }

    /** The signed version in force, if any has been signed. */
    public Optional<TreatmentPlanVersion> inForce() {
        return versions.stream().filter(v -> v.getStatus() == PlanStatus.SIGNED).findFirst();
    }

    @Override
    public String toString() {
        return "TreatmentPlan[id=" + getId() + "]";
    }
}
