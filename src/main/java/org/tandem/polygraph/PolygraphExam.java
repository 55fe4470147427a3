package org.tandem.polygraph;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;
import lombok.Getter;
import org.tandem.common.ErrorMark;
import org.tandem.couple.CoupleRecord;

/**
 * One polygraph examination of the partner in recovery, as the examiner reported it. Never changed; recorded by
 * mistake, it is marked, once, as entered in error, and then counts nowhere.
 */
@Entity
@Table(name = "polygraph_exam")
@Getter
public class PolygraphExam extends CoupleRecord {

    @Column(name = "partner_id", nullable = false, updatable = false)
    private UUID partnerId;

    @Column(name = "disclosure_id", updatable = false)
    private UUID disclosureId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 16)
    private PolygraphKind kind;

    @Column(name = "examined_on", nullable = false, updatable = false)
    private LocalDate examinedOn;

    @Column(nullable = false, updatable = false, length = 200)
    private String examiner;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    private String recordedBy;

    @Embedded
    private ErrorMark enteredInError;

    protected PolygraphExam() {
    }

    PolygraphExam(UUID clinicId, UUID coupleId, UUID partnerId, UUID disclosureId, PolygraphKind kind,
            LocalDate examinedOn, String examiner, String recordedBy) {
        super(clinicId, coupleId);
        this.partnerId = partnerId;
        this.disclosureId = disclosureId;
        this.kind = kind;
        this.examinedOn = examinedOn;
        this.examiner = examiner;
        this.recordedBy = recordedBy;
    }

    void markEnteredInError(String by, String reason, ErrorMark.Sealer sealer) {
        this.enteredInError = ErrorMark.mark(enteredInError, by, reason, "examination", sealer);
    }

    /** Whether it counts: not marked as entered in error. */
    boolean counts() {
        return enteredInError == null;
    }
}
