package org.tandem.disclosure;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import org.tandem.crypto.ClinicCipher;
import org.tandem.crypto.SealedText;

/** One question of the betrayed partner's that the disclosure must answer, sealed like the document. */
@Entity
@Table(name = "disclosure_question")
@Getter
public class DisclosureQuestion {

    @Id
    private UUID id;

    @Column(name = "clinic_id", nullable = false, updatable = false)
    private UUID clinicId;

    @Column(name = "disclosure_id", nullable = false, updatable = false)
    private UUID disclosureId;

    @Column(name = "asked_by", nullable = false, updatable = false)
    private UUID askedBy;

    @Column(nullable = false, updatable = false)
    private int number;

    // Null once destroyed with the document.
    @Embedded
    @AttributeOverride(name = "keyId", column = @Column(name = "text_key_id"))
    @AttributeOverride(name = "ciphertext", column = @Column(name = "text_ciphertext", columnDefinition = "blob"))
    @Getter(AccessLevel.NONE)
    private SealedText text;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected DisclosureQuestion() {
    }

    DisclosureQuestion(UUID clinicId, UUID disclosureId, UUID askedBy, int number) {
        this.id = UUID.randomUUID();
        this.clinicId = clinicId;
        this.disclosureId = disclosureId;
        this.askedBy = askedBy;
        this.number = number;
        this.createdAt = Instant.now();
    }

    void write(ClinicCipher.Sealed text) {
        this.text = SealedText.of(text);
    }

    /** The text, or null once destroyed with the document. */
    String open(ClinicCipher cipher, String purpose) {
        return text == null ? null : text.open(cipher, purpose, id);
    }

    @Override
    public String toString() {
        return "DisclosureQuestion[" + id + "]";
    }
}
