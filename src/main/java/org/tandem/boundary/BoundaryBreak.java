package org.tandem.boundary;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import lombok.Getter;

/** A boundary broken by one partner on one day: a signal on the trust timeline, never changed. */
@Entity
@Table(name = "boundary_break")
@Getter
public class BoundaryBreak {

    @Id
    private UUID id;

    @Column(name = "clinic_id", nullable = false, updatable = false)
    private UUID clinicId;

    @Column(name = "couple_id", nullable = false, updatable = false)
    private UUID coupleId;

    @Column(name = "boundary_id", nullable = false, updatable = false)
    private UUID boundaryId;

    @Column(name = "broken_by", nullable = false, updatable = false)
    private UUID brokenBy;

    @Column(name = "occurred_on", nullable = false, updatable = false)
    private LocalDate occurredOn;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    private String recordedBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected BoundaryBreak() {
    }

    BoundaryBreak(UUID clinicId, UUID coupleId, UUID boundaryId, UUID brokenBy, LocalDate occurredOn,
            String recordedBy) {
        this.id = UUID.randomUUID();
        this.clinicId = clinicId;
        this.coupleId = coupleId;
        this.boundaryId = boundaryId;
        this.brokenBy = brokenBy;
        this.occurredOn = occurredOn;
        this.recordedBy = recordedBy;
        this.createdAt = Instant.now();
    }

    @Override
    public String toString() {
        return "BoundaryBreak[" + id + "]";
    }
}
