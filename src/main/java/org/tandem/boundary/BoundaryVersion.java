package org.tandem.boundary;

import lombok.AccessLevel;
import lombok.Getter;
import org.tandem.crypto.ClinicCipher;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.tandem.couple.Partner;

/** One agreed wording of a boundary. Only its status moves on; the words never change. */
@Entity
@Table(name = "boundary_version")
@Getter
public class BoundaryVersion {

    /** Assigned here: the wording's ciphertext is bound to the id and must exist before the insert. */
    @Id
    private UUID id = UUID.randomUUID();

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "boundary_id", nullable = false, updatable = false)
    @Getter(AccessLevel.NONE)
    private Boundary boundary;

    @Column(nullable = false, updatable = false)
    private int number;

    /** Only a wording written before wordings were sealed, until PlaintextSealing seals it. */
    @Column(length = 2000)
    @Getter(AccessLevel.NONE)
    private String text;

    @Column(name = "text_key_id")
    @Getter(AccessLevel.NONE)
    private UUID textKeyId;

    @Column(name = "text_ciphertext", columnDefinition = "blob")
    @Getter(AccessLevel.NONE)
    private byte[] textCiphertext;

    /** The words of a new version, until the service seals them (the ciphertext is bound to the id). */
    @Transient
    @Getter(AccessLevel.NONE)
    private String unsealed;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "requested_by", nullable = false, updatable = false)
    private Partner requestedBy;

    /** Whom it protects; null for both partners. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "protects", updatable = false)
    private Partner protects;

    @Column(name = "agreed_on", nullable = false, updatable = false)
    private LocalDate agreedOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private BoundaryStatus status;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false, length = 255)
    @Getter(AccessLevel.NONE)
    private String createdBy;

    protected BoundaryVersion() {
    }

    BoundaryVersion(Boundary boundary, int number, BoundaryTerms terms, String createdBy) {
        this.boundary = boundary;
        this.number = number;
        this.unsealed = terms.text();
        this.requestedBy = terms.requestedBy();
        this.protects = terms.protects();
        this.agreedOn = terms.agreedOn();
        this.status = BoundaryStatus.ACTIVE;
        this.createdAt = Instant.now();
        this.createdBy = createdBy;
    }

    /** Whether its words still wait to be sealed: a version made in this transaction. */
    boolean needsSealing() {
        return unsealed != null && textCiphertext == null;
    }

    /** The words, sealed under the clinic's data key and bound to this version's id. */
    void seal(ClinicCipher.Sealed sealed) {
        this.textKeyId = sealed.keyId();
        this.textCiphertext = sealed.ciphertext();
    }

    /** The words of a version made in this transaction, or null. */
    String unsealedText() {
        return unsealed;
    }

    boolean hasSealedText() {
        return textCiphertext != null;
    }

    UUID textKeyId() {
        return textKeyId;
    }

    byte[] textCiphertext() {
        return textCiphertext;
    }

    /** A wording written before wordings were sealed, until PlaintextSealing seals it; else null. */
    String legacyText() {
        return text;
    }

    void end(BoundaryStatus how) {
        this.status = how;
    }

    @Override
    public String toString() {
        return "BoundaryVersion[id=" + getId() + ", number=" + number + "]";
    }
}
