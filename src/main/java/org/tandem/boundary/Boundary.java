package org.tandem.boundary;

import lombok.AccessLevel;
import lombok.Getter;
import org.tandem.common.persistence.Tracked;
import org.tandem.common.Conflict;
import org.tandem.common.InvalidField;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.tandem.couple.Couple;

/** A boundary a couple agreed, with every version of it. ACTIVE until retired; renegotiating adds a version. */
@Entity
@Table(name = "boundary")
@Getter
public class Boundary extends Tracked {

    @Column(name = "clinic_id", nullable = false, updatable = false)
    @Getter(AccessLevel.NONE)
    private UUID clinicId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "couple_id", nullable = false, updatable = false)
    private Couple couple;

    @Column(name = "current_number", nullable = false)
    @Getter(AccessLevel.NONE)
    private int currentNumber;

    /** ACTIVE or RETIRED: the boundary as a whole. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private BoundaryStatus status;

    @Column(name = "next_review_on")
    private LocalDate nextReviewOn;

    @OneToMany(mappedBy = "boundary", cascade = CascadeType.PERSIST)
    @OrderBy("number")
    private List<BoundaryVersion> versions = new ArrayList<>();

    protected Boundary() {
    }

    Boundary(Couple couple, BoundaryTerms terms, LocalDate nextReviewOn, String author) {
        this.clinicId = couple.getClinic().getId();
        this.couple = couple;
        this.status = BoundaryStatus.ACTIVE;
        addVersion(terms, nextReviewOn, author);
    }

    /** The couple agreed new terms: the current version becomes RENEGOTIATED and stays in the history. */
    void renegotiate(BoundaryTerms terms, LocalDate nextReviewOn, String author) {
        requireActive();
        if (terms.agreedOn().isBefore(current().getAgreedOn())) {
            throw new InvalidField("agreedOn", "must not be before the version it replaces was agreed");
        }
        current().end(BoundaryStatus.RENEGOTIATED);
        addVersion(terms, nextReviewOn, author);
    }

    void retire() {
        requireActive();
        current().end(BoundaryStatus.RETIRED);
        this.status = BoundaryStatus.RETIRED;
        this.nextReviewOn = null;
        touch();
    }

    /** Reviewed without change: only the next review date moves. */
    void reviewed(LocalDate nextReviewOn) {
        requireActive();
        this.nextReviewOn = nextReviewOn;
        touch();
    }

    public BoundaryVersion current() {
        return versions.stream().filter(v -> v.getNumber() == currentNumber).findFirst().orElseThrow();
    }

    private void addVersion(BoundaryTerms terms, LocalDate nextReviewOn, String author) {
        if (nextReviewOn != null && nextReviewOn.isBefore(terms.agreedOn())) {
            throw new InvalidField("nextReviewOn", "must not be before agreedOn");
        }
        currentNumber++;
        versions.add(new BoundaryVersion(this, currentNumber, terms, author));
        this.nextReviewOn = nextReviewOn;
        touch();
    }

    private void requireActive() {
        if (status != BoundaryStatus.ACTIVE) {
            throw new Conflict("boundary-retired", "Boundary Retired", "A retired boundary does not change.");
        }
    }

    @Override
    public String toString() {
        return "Boundary[id=" + getId() + ", status=" + status + "]";
    }
}
