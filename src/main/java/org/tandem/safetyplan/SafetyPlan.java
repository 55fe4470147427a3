package org.tandem.safetyplan;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import org.tandem.common.persistence.Tracked;

/**
 * A partner's safety plan, one per partner, with every version of it: revising adds a version, the earlier ones
 * stay. Each version's content is sealed (see {@link SafetyPlanVersion}); the partner and the couple's therapists
 * read it, nobody else.
 */
@Entity
@Table(name = "safety_plan")
@Getter
public class SafetyPlan extends Tracked {

    @Column(name = "clinic_id", nullable = false, updatable = false)
    @Getter(AccessLevel.NONE)
    private UUID clinicId;

    @Column(name = "couple_id", nullable = false, updatable = false)
    private UUID coupleId;

    @Column(name = "partner_id", nullable = false, updatable = false)
    private UUID partnerId;

    @Column(name = "current_number", nullable = false)
    @Getter(AccessLevel.NONE)
    private int currentNumber;

    @OneToMany(mappedBy = "plan", cascade = CascadeType.PERSIST)
    @OrderBy("number")
    private List<SafetyPlanVersion> versions = new ArrayList<>();

    protected SafetyPlan() {
    }

    SafetyPlan(UUID clinicId, UUID coupleId, UUID partnerId) {
        this.clinicId = clinicId;
        this.coupleId = coupleId;
        this.partnerId = partnerId;
    }

    /** A new version, written by {@code author}; its content is sealed by the caller before the flush. */
    SafetyPlanVersion revise(String author) {
        currentNumber++;
        SafetyPlanVersion version = new SafetyPlanVersion(this, currentNumber, author);
        versions.add(version);
        touch();
        return version;
    }

    public SafetyPlanVersion current() {
        return versions.stream().filter(v -> v.getNumber() == currentNumber).findFirst().orElseThrow();
    }

    @Override
    public String toString() {
        return "SafetyPlan[id=" + getId() + "]";
    }
}
