package org.tandem.export;

import lombok.AccessLevel;
import lombok.Getter;
import org.tandem.common.persistence.Versioned;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.tandem.crypto.BulkKey;
import org.tandem.crypto.ClinicCipher;
import org.tandem.crypto.SealedText;

/**
 * An export asked for by an admin or a therapist, run by whichever replica claims it. Its state changes are written
 * by ExportStore in short transactions of their own, so the API sees progress as it happens.
 */
@Entity
@Table(name = "export_job")
@Getter
public class ExportJob extends Versioned {

    @Column(name = "clinic_id", nullable = false, updatable = false)
    private UUID clinicId;

    /** Set when a therapist asked: the export covers their couples only. */
    @Column(name = "therapist_id", updatable = false)
    private UUID therapistId;

    @Column(name = "requested_by", nullable = false, updatable = false, length = 255)
    private String requestedBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 24)
    private ExportKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 16)
    private ExportFormat format;

    @Column(name = "period_from", nullable = false, updatable = false)
    private LocalDate from;

    @Column(name = "period_to", nullable = false, updatable = false)
    private LocalDate to;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ExportStatus status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "rows_expected")
    private Long rowsExpected;

    @Column(name = "rows_written", nullable = false)
    private long rowsWritten;

    @Column(name = "bytes_written", nullable = false)
    private long bytesWritten;

    @Column(name = "claimed_by", length = 64)
    @Getter(AccessLevel.NONE)
    private String claimedBy;

    @Column(name = "heartbeat_at")
    private Instant heartbeatAt;

    @Column(length = 200)
    private String error;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    /** The key the output is sealed with (crypto/BulkKey), itself sealed; ExportStore sets it when a run starts. */
    @Embedded
    @AttributeOverride(name = "keyId", column = @Column(name = "chunk_key_id", insertable = false, updatable = false))
    @AttributeOverride(name = "ciphertext", column = @Column(name = "chunk_key_ciphertext", insertable = false,
            updatable = false, columnDefinition = "blob"))
    @Getter(AccessLevel.NONE)
    private SealedText outputKey;

    protected ExportJob() {
    }

    ExportJob(UUID clinicId, UUID therapistId, String requestedBy, ExportKind kind, ExportFormat format,
            LocalDate from, LocalDate to) {
        this.clinicId = clinicId;
        this.therapistId = therapistId;
        this.requestedBy = requestedBy;
        this.kind = kind;
        this.format = format;
        this.from = from;
        this.to = to;
        this.status = ExportStatus.QUEUED;
    }

    /** The key to read the output with; empty for a job from before outputs were sealed (its output is expired). */
    Optional<BulkKey> outputKey(ClinicCipher cipher) {
        return outputKey == null ? Optional.empty()
                : Optional.of(outputKey.openBulkKey(cipher, ExportStore.OUTPUT, getId()));
    }

    @Override
    public String toString() {
        return "ExportJob[id=" + getId() + ", kind=" + kind + ", status=" + status + "]";
    }
}
