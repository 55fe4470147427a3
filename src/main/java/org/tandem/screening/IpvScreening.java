package org.tandem.screening;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.UUID;
import lombok.Getter;
import org.tandem.common.Conflict;
import org.tandem.common.InvalidField;
import org.tandem.couple.CoupleRecord;

/** One partner's intimate-partner-violence screening; a concern holds until a therapist clears it. */
@Entity
@Table(name = "ipv_screening")
@Getter
public class IpvScreening extends CoupleRecord {

    @Column(name = "partner_id", nullable = false, updatable = false)
    private UUID partnerId;

    @Column(name = "screened_on", nullable = false, updatable = false)
    private LocalDate screenedOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 24)
    private ScreeningMethod method;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 16)
    private ScreeningResult result;

    @Column(name = "cleared_on")
    private LocalDate clearedOn;

    @Column(name = "cleared_by")
    private String clearedBy;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    private String recordedBy;

    @Version
    @Column(nullable = false)
    private long version;

    protected IpvScreening() {
    }

    IpvScreening(UUID clinicId, UUID coupleId, UUID partnerId, LocalDate screenedOn, ScreeningMethod method,
            ScreeningResult result, String recordedBy) {
        super(clinicId, coupleId);
        this.partnerId = partnerId;
        this.screenedOn = screenedOn;
        this.method = method;
        this.result = result;
        this.recordedBy = recordedBy;
    }

    /** Whether it holds the couple's joint sessions: a concern not cleared yet. */
    boolean holds() {
        return result == ScreeningResult.CONCERN && clearedOn == null;
    }

    void clear(LocalDate on, String by) {
        if (result != ScreeningResult.CONCERN) {
            throw new Conflict("screening-without-concern", "Nothing To Clear",
                    "Only a screening that found a concern is cleared.");
        }
        if (clearedOn != null) {
            throw new Conflict("screening-cleared", "Already Cleared", "This screening was cleared already.");
        }
        if (on.isBefore(screenedOn)) {
            throw new InvalidField("clearedOn", "must not be before the screening");
        }
        this.clearedOn = on;
        this.clearedBy = by;
    }
}
