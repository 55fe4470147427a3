package org.tandem.recovery;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;
import lombok.Getter;
import org.tandem.common.InvalidField;
import org.tandem.common.PastDay;
import org.tandem.couple.RecoveryRole;
import org.tandem.couple.CoupleRecord;

/** A partner's stage from a date on, as a therapist recorded it; never changed, superseded by a later one. */
@Entity
@Table(name = "recovery_stage")
@Getter
public class RecoveryStageEntry extends CoupleRecord {

    @Column(name = "partner_id", nullable = false, updatable = false)
    private UUID partnerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 32)
    private RecoveryStage stage;

    @Column(nullable = false, updatable = false)
    private LocalDate since;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    private String recordedBy;

    protected RecoveryStageEntry() {
    }

    /**
     * A stage of the partner's own track from {@code since} on, which is not after {@code today} (in the clinic's
     * calendar): a stage is recorded when it is reached, not planned.
     */
    RecoveryStageEntry(UUID clinicId, UUID coupleId, UUID partnerId, RecoveryRole role, RecoveryStage stage,
            LocalDate since, LocalDate today, String recordedBy) {
        super(clinicId, coupleId);
        if (stage.role() != role) {
            throw new InvalidField("stage", role == RecoveryRole.PARTNER
                    ? "must be one of the partner-trauma stages for this partner: SAFETY_AND_STABILISATION,"
                            + " REMEMBRANCE_AND_MOURNING, RECONNECTION"
                    : "must be one of the recovery stages for this partner: DEVELOPING, CRISIS_AND_DECISION,"
                            + " SHOCK, GRIEF, REPAIR, GROWTH");
        }
        PastDay.requireNotAfter(since, today, "since");
        this.partnerId = partnerId;
        this.stage = stage;
        this.since = since;
        this.recordedBy = recordedBy;
    }
}
