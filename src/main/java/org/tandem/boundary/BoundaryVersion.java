package org.tandem.boundary;

import lombok.AccessLevel;
import lombok.Getter;
import org.tandem.common.persistence.Identified;
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
import org.tandem.couple.Partner;

/** One agreed wording of a boundary. Only its status moves on; the words never change. */
@Entity
@Table(name = "boundary_version")
@Getter
public class BoundaryVersion extends Identified {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "boundary_id", nullable = false, updatable = false)
    @Getter(AccessLevel.NONE)
    private Boundary boundary;

    @Column(nullable = false, updatable = false)
    private int number;

    @Column(nullable = false, updatable = false, length = 2000)
    private String text;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "requested_by", nullable = false, updatable = false)
    private Partner requestedBy;

    /** Whom it protects; null for both partners. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "protects", updatable = false)
    private Partner protects;

    @Column(name = "agreed_on", nullable = false, updatable = false)
    private LocalDate agreedOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private BoundaryStatus status;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false, length = 255)
    @Getter(AccessLevel.NONE)
    private String createdBy;

    protected BoundaryVersion() {
    }

    BoundaryVersion(Boundary boundary, int number, BoundaryTerms terms, String createdBy) {
        this.boundary = boundary;
        this.number = number;
        this.text = terms.text();
        this.requestedBy = terms.requestedBy();
        this.protects = terms.protects();
        this.agreedOn = terms.agreedOn();
        this.status = BoundaryStatus.ACTIVE;
        this.createdAt = Instant.now();
        this.createdBy = createdBy;
    }

    void end(BoundaryStatus how) {
        this.status = how;
    }

    @Override
    public String toString() {
        return "BoundaryVersion[id=" + getId() + ", number=" + number + "]";
    }
}
