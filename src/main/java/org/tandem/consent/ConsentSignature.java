package org.tandem.consent;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import org.tandem.common.Conflict;
import org.tandem.crypto.ClinicCipher;
import org.tandem.crypto.SealedText;

/**
 * A partner's electronic signature of one version of a consent form: when, bound to the SHA-256 of the exact text,
 * and who signed from where (sealed, see {@link Signer}). Never changed but to be revoked, once; a release of
 * information also ends on its expiry day.
 */
@Entity
@Table(name = "consent_signature")
@Getter
public class ConsentSignature {

    /** Assigned here: the signer's ciphertext is bound to the id and must exist before the insert. */
    @Id
    private UUID id;

    @Column(name = "clinic_id", nullable = false, updatable = false)
    @Getter(AccessLevel.NONE)
    private UUID clinicId;

    @Column(name = "couple_id", nullable = false, updatable = false)
    private UUID coupleId;

    @Column(name = "partner_id", nullable = false, updatable = false)
    private UUID partnerId;

    @Column(name = "template_id", nullable = false, updatable = false)
    private UUID templateId;

    @Column(name = "version_id", nullable = false, updatable = false)
    private UUID versionId;

    @Column(name = "text_sha256", nullable = false, updatable = false, length = 64)
    private String textSha256;

    @Column(name = "signed_at", nullable = false, updatable = false)
    private Instant signedAt;

    @Embedded
    @AttributeOverride(name = "keyId", column = @Column(name = "signer_key_id", nullable = false, updatable = false))
    @AttributeOverride(name = "ciphertext", column = @Column(name = "signer_ciphertext", nullable = false, updatable = false,
            columnDefinition = "blob"))
    @Getter(AccessLevel.NONE)
    private SealedText signer;

    @Column(name = "expires_on", updatable = false)
    private LocalDate expiresOn;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ConsentSignature() {
    }

    ConsentSignature(UUID clinicId, UUID coupleId, UUID partnerId, ConsentTemplate template,
            ConsentTemplateVersion version, LocalDate expiresOn) {
        this.id = UUID.randomUUID();
        this.clinicId = clinicId;
        this.coupleId = coupleId;
        this.partnerId = partnerId;
        this.templateId = template.getId();
        this.versionId = version.getId();
        this.textSha256 = version.getTextSha256();
        this.signedAt = Instant.now();
        this.expiresOn = expiresOn;
    }

    /** Set once, before the signature is persisted. */
    void seal(ClinicCipher.Sealed signer) {
        if (this.signer != null) {
            throw new IllegalStateException("a signer is sealed once");
        }
        this.signer = SealedText.of(signer);
    }

    void revoke(Instant at) {
        if (revokedAt != null) {
            throw new Conflict("consent-revoked", "Consent Revoked", "This consent was revoked before.");
        }
        this.revokedAt = at;
    }

    /** In force on {@code day}: not revoked, not past its expiry. */
    public boolean inForce(LocalDate day) {
        return revokedAt == null && (expiresOn == null || !day.isAfter(expiresOn));
    }

    String openSigner(ClinicCipher cipher, String purpose) {
        return signer.open(cipher, purpose, id);
    }

    @Override
    public String toString() {
        return "ConsentSignature[id=" + id + "]";
    }
}
