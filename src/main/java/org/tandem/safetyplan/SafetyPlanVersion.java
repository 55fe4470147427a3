package org.tandem.safetyplan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import org.tandem.crypto.ClinicCipher;

/** One version of a safety plan: its sections, sealed under the clinic's key and bound to this id. Never changed. */
@Entity
@Table(name = "safety_plan_version")
@Getter
public class SafetyPlanVersion {

    /** Assigned here: the content's ciphertext is bound to the id and must exist before the insert. */
    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "plan_id", nullable = false, updatable = false)
    @Getter(AccessLevel.NONE)
    private SafetyPlan plan;

    @Column(nullable = false, updatable = false)
    private int number;

    @Column(name = "content_key_id", nullable = false, updatable = false)
    @Getter(AccessLevel.NONE)
    private UUID contentKeyId;

    @Column(name = "content_ciphertext", nullable = false, updatable = false, columnDefinition = "blob")
    @Getter(AccessLevel.NONE)
    private byte[] contentCiphertext;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false, length = 255)
    @Getter(AccessLevel.NONE)
    private String createdBy;

    protected SafetyPlanVersion() {
    }

    SafetyPlanVersion(SafetyPlan plan, int number, String createdBy) {
        this.id = UUID.randomUUID();
        this.plan = plan;
        this.number = number;
        this.createdAt = Instant.now();
        this.createdBy = createdBy;
    }

    /** Set once, before the version is first written. */
    void seal(ClinicCipher.Sealed content) {
        if (contentCiphertext != null) {
            throw new IllegalStateException("a safety plan version is sealed once");
        }
        this.contentKeyId = content.keyId();
        this.contentCiphertext = content.ciphertext();
    }

    UUID contentKeyId() {
        return contentKeyId;
    }

    byte[] contentCiphertext() {
        return contentCiphertext;
    }

    @Override
    public String toString() {
        return "SafetyPlanVersion[id=" + id + ", number=" + number + "]";
    }
}
