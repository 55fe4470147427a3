package org.tandem.polygraph;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import lombok.Getter;

/** One polygraph examination of the partner in recovery, as the examiner reported it. Never changed. */
@Entity
@Table(name = "polygraph_exam")
@Getter
public class PolygraphExam {

    @Id
    private UUID id;

    @Column(name = "clinic_id", nullable = false, updatable = false)
    private UUID clinicId;

    @Column(name = "couple_id", nullable = false, updatable = false)
    private UUID coupleId;

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

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected PolygraphExam() {
    }

    PolygraphExam(UUID clinicId, UUID coupleId, UUID partnerId, UUID disclosureId, PolygraphKind kind,
            LocalDate examinedOn, String examiner, String recordedBy) {
        this.id = UUID.randomUUID();
        this.clinicId = clinicId;
        this.coupleId = coupleId;
        this.partnerId = partnerId;
        this.disclosureId = disclosureId;
        this.kind = kind;
        this.examinedOn = examinedOn;
        this.examiner = examiner;
        this.recordedBy = recordedBy;
        this.createdAt = Instant.now();
    }

    @Override
    public String toString() {
        return "PolygraphExam[" + id + "]";
    }
}
