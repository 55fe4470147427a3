package org.tandem.crypto;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.util.UUID;

/**
 * One numbered version of a record whose words are sealed as a whole (a safety plan, a treatment plan): the
 * ciphertext under the clinic's key, bound to this version's id, which is assigned here because the sealing needs
 * it before the insert. The subclass says when the content may be sealed again (a draft) and maps its parent.
 */
@MappedSuperclass
public abstract class SealedVersion {

    @Id
    private UUID id;

    @Column(nullable = false, updatable = false)
    private int number;

    @Column(name = "content_key_id", nullable = false)
    private UUID contentKeyId;

    @Column(name = "content_ciphertext", nullable = false, columnDefinition = "blob")
    private byte[] contentCiphertext;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false, length = 255)
    private String createdBy;

    protected SealedVersion() {
    }

    protected SealedVersion(int number, String createdBy) {
        this.id = UUID.randomUUID();
        this.number = number;
        this.createdAt = Instant.now();
        this.createdBy = createdBy;
    }

    /** Sets the sealed content; subclasses allow it once, or while the version is a draft. */
    protected void sealContent(ClinicCipher.Sealed content) {
        this.contentKeyId = content.keyId();
        this.contentCiphertext = content.ciphertext();
    }

    protected boolean isSealed() {
        return contentCiphertext != null;
    }

    /** The words, opened with the clinic's key for {@code purpose}. */
    public String open(ClinicCipher cipher, String purpose) {
        return cipher.open(contentKeyId, purpose, id, contentCiphertext);
    }

    public UUID getId() {
        return id;
    }

    public int getNumber() {
        return number;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[id=" + id + ", number=" + number + "]";
    }
}
