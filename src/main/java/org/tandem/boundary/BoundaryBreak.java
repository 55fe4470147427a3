package org.tandem.boundary;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;
import lombok.Getter;
import org.tandem.couple.CoupleRecord;

/** A boundary broken by one partner on one day: a signal on the trust timeline, never changed. */
@Entity
@Table(name = "boundary_break")
@Getter
public class BoundaryBreak extends CoupleRecord {

    @Column(name = "boundary_id", nullable = false, updatable = false)
    private UUID boundaryId;

    @Column(name = "broken_by", nullable = false, updatable = false)
    private UUID brokenBy;

    @Column(name = "occurred_on", nullable = false, updatable = false)
    private LocalDate occurredOn;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    private String recordedBy;

    protected BoundaryBreak() {
    }

    BoundaryBreak(UUID clinicId, UUID coupleId, UUID boundaryId, UUID brokenBy, LocalDate occurredOn,
            String recordedBy) {
        super(clinicId, coupleId);
        this.boundaryId = boundaryId;
        this.brokenBy = brokenBy;
        this.occurredOn = occurredOn;
        this.recordedBy = recordedBy;
    }
}
