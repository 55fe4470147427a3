package org.tandem.couple;

import lombok.Getter;
import org.tandem.common.persistence.Tracked;
import org.tandem.common.Conflict;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.tandem.clinic.Clinic;
import org.tandem.crypto.ClinicCipher;
import org.tandem.crypto.SealedColumn;
import org.tandem.crypto.SealedText;
import org.tandem.therapist.Therapist;

/** The client unit: two partners, their care status, their therapists and the goals of their treatment. */
@Entity
@Table(name = "couple")
@Getter
public class Couple extends Tracked {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "clinic_id", nullable = false, updatable = false)
    private Clinic clinic;

    /** A short code that identifies the couple without naming anyone (calendars, exports). */
    @Column(nullable = false, updatable = false, length = 16)
    private String code;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private CoupleStatus status;

    @Column(name = "care_started_on")
    private LocalDate careStartedOn;

    /**
     * Goals written before goals were sealed, until crypto.PlaintextSealing seals them; never written by this
     * version. The sealed goals are written by {@link CoupleRepository#writeGoals}, bound to the couple's id, which
     * exists only once the couple is persisted (so neither column is Hibernate's to write).
     */
    @Getter(lombok.AccessLevel.NONE)
    @Column(name = "treatment_goals", length = 4000, insertable = false, updatable = false)
    private String treatmentGoals;

    @Getter(lombok.AccessLevel.NONE)
    @Embedded
    @AttributeOverride(name = "keyId", column = @Column(name = "treatment_goals_key_id", insertable = false,
            updatable = false))
    @AttributeOverride(name = "ciphertext", column = @Column(name = "treatment_goals_ciphertext", insertable = false,
            updatable = false))
    private SealedText sealedGoals;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "primary_therapist_id")
    private Therapist primaryTherapist;

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "couple_co_therapist", joinColumns = @JoinColumn(name = "couple_id"),
            inverseJoinColumns = @JoinColumn(name = "therapist_id"))
    private Set<Therapist> coTherapists = new LinkedHashSet<>();

    @OneToMany(mappedBy = "couple", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("seat")
    private List<Partner> partners = new ArrayList<>();

    protected Couple() {
    }

    /** A new couple starts at intake. */
    public Couple(Clinic clinic, String code, CoupleDetails details) {
        this.clinic = clinic;
        this.code = code;
        this.status = CoupleStatus.INTAKE;
        this.partners.add(new Partner(this, 1, details.first()));
        this.partners.add(new Partner(this, 2, details.second()));
        applyOwnFields(details);
    }

    /** Replaces the editable facts; partners keep their ids (seat 1 and 2). */
    public void update(CoupleDetails details) {
        partner(1).apply(details.first());
        partner(2).apply(details.second());
        applyOwnFields(details);
    }

    public void changeStatus(CoupleStatus target) {
        if (target == status) {
            throw new Conflict("invalid-status-transition", "Invalid Status Transition",
                    "The couple already has status " + target + ".");
        }
        if (!status.next().contains(target)) {
            throw new Conflict("invalid-status-transition", "Invalid Status Transition",
                    "A couple with status " + status + " can move to " + status.next() + ", not to " + target + ".");
        }
        this.status = target;
        touch();
    }

    /** Sets who treats the couple. The primary therapist is never also listed as a co-therapist. */
    public void assignTherapists(Therapist primary, Collection<Therapist> co) {
        this.primaryTherapist = primary;
        this.coTherapists.clear();
        co.stream()
                .filter(t -> primary == null || !t.getId().equals(primary.getId()))
                .forEach(coTherapists::add);
        touch();
    }

    /** One of the two partners, by id. */
    public java.util.Optional<Partner> findPartner(UUID partnerId) {
        return partners.stream().filter(p -> p.getId().equals(partnerId)).findFirst();
    }

    /** Whether the therapist treats this couple, as primary or co-therapist. */
    public boolean isTreatedBy(UUID therapistId) {
        return (primaryTherapist != null && primaryTherapist.getId().equals(therapistId))
                || coTherapists.stream().anyMatch(t -> t.getId().equals(therapistId));
    }

    /** The goals' own column is written apart ({@link CoupleRepository#writeGoals}); the change still counts. */
    private void applyOwnFields(CoupleDetails details) {
        this.careStartedOn = details.careStartedOn();
        touch();
    }

    /** The treatment goals as stored: opened from their ciphertext, or as written before goals were sealed. */
    public String goals(ClinicCipher cipher) {
        return goals(cipher, getId(), sealedGoals, treatmentGoals);
    }

    /** The same, from a read of the columns alone. */
    static String goals(ClinicCipher cipher, UUID coupleId, SealedText sealed, String legacy) {
        return SealedColumn.COUPLE_GOALS.open(cipher, sealed, coupleId, legacy);
    }

    private Partner partner(int seat) {
        return partners.stream().filter(p -> p.getSeat() == seat).findFirst().orElseThrow();
    }

    @Override
    public String toString() {
        return "Couple[id=" + getId() + ", status=" + status + "]";
    }
}
