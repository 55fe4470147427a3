package org.tandem.disclosure;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import org.tandem.common.Conflict;
import org.tandem.crypto.ClinicCipher;
import org.tandem.crypto.SealedText;
import org.tandem.couple.CoupleRecord;

/**
 * A couple's therapeutic disclosure. The document is sealed and bound to this id; it changes only while the
 * disclosure is being planned, and once destroyed nothing of it is left but the dates and who destroyed it.
 */
@Entity
@Table(name = "disclosure")
@Getter
public class Disclosure extends CoupleRecord {

    @Column(name = "disclosing_partner_id", nullable = false, updatable = false)
    private UUID disclosingPartnerId;

    @Column(name = "betrayed_partner_id", nullable = false, updatable = false)
    private UUID betrayedPartnerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private DisclosureStatus status;

    @Column(name = "discovered_on")
    private LocalDate discoveredOn;

    // Null until written, and once destroyed.
    @Embedded
    @AttributeOverride(name = "keyId", column = @Column(name = "document_key_id"))
    @AttributeOverride(name = "ciphertext", column = @Column(name = "document_ciphertext",
            columnDefinition = "mediumblob"))
    @Getter(AccessLevel.NONE)
    private SealedText document;

    @Column(name = "document_updated_at")
    private Instant documentUpdatedAt;

    @Column(name = "session_id")
    private UUID sessionId;

    @Column(name = "co_therapist_id")
    private UUID coTherapistId;

    @Column(name = "disclosed_on")
    private LocalDate disclosedOn;

    @Column(name = "destroyed_at")
    private Instant destroyedAt;

    @Column(name = "destroyed_by")
    private String destroyedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "destruction_agreement", length = 16)
    private DestructionAgreement destructionAgreement;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Version
    @Column(nullable = false)
    private long version;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Disclosure() {
    }

    Disclosure(UUID clinicId, UUID coupleId, UUID disclosingPartnerId, UUID betrayedPartnerId,
            LocalDate discoveredOn, String createdBy) {
        super(clinicId, coupleId);
        this.disclosingPartnerId = disclosingPartnerId;
        this.betrayedPartnerId = betrayedPartnerId;
        this.status = DisclosureStatus.PLANNING;
        this.discoveredOn = discoveredOn;
        this.createdBy = createdBy;
        this.updatedAt = getCreatedAt();
    }

    boolean hasDocument() {
        return document != null;
    }

    void writeDocument(ClinicCipher.Sealed document) {
        requirePlanning("The document is final once it has been disclosed.");
        this.document = SealedText.of(document);
        this.documentUpdatedAt = Instant.now();
        this.updatedAt = documentUpdatedAt;
    }

    String openDocument(ClinicCipher cipher, String purpose) {
        return document.open(cipher, purpose, getId());
    }

    void schedule(UUID sessionId, UUID coTherapistId) {
        requirePlanning("The disclosure has already taken place.");
        this.sessionId = sessionId;
        this.coTherapistId = coTherapistId;
        this.updatedAt = Instant.now();
    }

    void disclosed(LocalDate on) {
        requirePlanning("The disclosure has already taken place.");
        if (!hasDocument()) {
            throw new Conflict("disclosure-without-document", "No Document",
                    "There is no document to disclose yet.");
        }
        this.status = DisclosureStatus.DISCLOSED;
        this.disclosedOn = on;
        this.updatedAt = Instant.now();
    }

    /** Empties the document; the caller empties the questions in the same transaction. */
    void destroy(DestructionAgreement agreement, String by) {
        if (status == DisclosureStatus.DESTROYED) {
            throw new Conflict("disclosure-destroyed", "Document Destroyed",
                    "The document has already been destroyed.");
        }
        if (status != DisclosureStatus.DISCLOSED) {
            throw new Conflict("disclosure-not-disclosed", "Not Disclosed Yet",
                    "The document is destroyed only after it has been disclosed.");
        }
        this.status = DisclosureStatus.DESTROYED;
        this.document = null;
        this.destroyedAt = Instant.now();
        this.destroyedBy = by;
        this.destructionAgreement = agreement;
        this.updatedAt = destroyedAt;
    }

    void requirePlanning(String detail) {
        if (status == DisclosureStatus.DESTROYED) {
            throw new Conflict("disclosure-destroyed", "Document Destroyed", "The document has been destroyed.");
        }
        if (status != DisclosureStatus.PLANNING) {
            throw new Conflict("disclosure-disclosed", "Already Disclosed", detail);
        }
    }
}
