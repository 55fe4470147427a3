package org.tandem.boundary;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import lombok.Getter;
import org.tandem.common.persistence.Identified;

/** A partner's own agreement to one version of a boundary, recorded by that partner. Never changes. */
@Entity
@Table(name = "boundary_consent")
@Getter
public class BoundaryConsent extends Identified {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "boundary_version_id", nullable = false, updatable = false)
    private BoundaryVersion version;

    @Column(name = "partner_id", nullable = false, updatable = false)
    private UUID partnerId;

    @Column(name = "agreed_at", nullable = false, updatable = false)
    private Instant agreedAt;

    protected BoundaryConsent() {
    }

    BoundaryConsent(BoundaryVersion version, UUID partnerId) {
        this.version = version;
        this.partnerId = partnerId;
        this.agreedAt = Instant.now();
    }
}
