package org.tandem.partner;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import lombok.Getter;
import org.tandem.common.persistence.Identified;

/** One choice of a partner to share an entry of theirs with the other partner, or to take it back. Never changes. */
@Entity
@Table(name = "share_choice")
@Getter
public class ShareChoice extends Identified {

    /** What can be shared: a rating, a questionnaire response, an exercise completion's reflection. */
    public enum Kind {
        RATING, QUESTIONNAIRE, COMPLETION
    }

    @Column(name = "clinic_id", nullable = false, updatable = false)
    private UUID clinicId;

    @Column(name = "couple_id", nullable = false, updatable = false)
    private UUID coupleId;

    @Column(name = "partner_id", nullable = false, updatable = false)
    private UUID partnerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "record_kind", nullable = false, updatable = false, length = 16)
    private Kind recordKind;

    @Column(name = "record_id", nullable = false, updatable = false)
    private UUID recordId;

    @Column(nullable = false, updatable = false)
    private boolean shared;

    @Column(name = "chosen_at", nullable = false, updatable = false)
    private Instant chosenAt;

    @Column(name = "chosen_by", nullable = false, updatable = false, length = 255)
    private String chosenBy;

    protected ShareChoice() {
    }

    ShareChoice(UUID clinicId, UUID coupleId, UUID partnerId, Kind kind, UUID recordId, boolean shared,
            String chosenBy) {
        this.clinicId = clinicId;
        this.coupleId = coupleId;
        this.partnerId = partnerId;
        this.recordKind = kind;
        this.recordId = recordId;
        this.shared = shared;
        this.chosenAt = Instant.now();
        this.chosenBy = chosenBy;
    }
}
