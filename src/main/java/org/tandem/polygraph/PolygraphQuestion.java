package org.tandem.polygraph;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import org.tandem.crypto.ClinicCipher;
import org.tandem.crypto.SealedText;

/** One question of an examination: its wording sealed, the examiner's outcome plain. */
@Entity
@Table(name = "polygraph_question")
@Getter
public class PolygraphQuestion {

    @Id
    private UUID id;

    @Column(name = "clinic_id", nullable = false, updatable = false)
    private UUID clinicId;

    @Column(name = "exam_id", nullable = false, updatable = false)
    private UUID examId;

    @Column(nullable = false, updatable = false)
    private int number;

    @Embedded
    @AttributeOverride(name = "keyId", column = @Column(name = "text_key_id", nullable = false))
    @AttributeOverride(name = "ciphertext", column = @Column(name = "text_ciphertext", nullable = false,
            columnDefinition = "blob"))
    @Getter(AccessLevel.NONE)
    private SealedText text;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 16)
    private PolygraphOutcome outcome;

    protected PolygraphQuestion() {
    }

    PolygraphQuestion(UUID clinicId, UUID examId, int number, PolygraphOutcome outcome) {
        this.id = UUID.randomUUID();
        this.clinicId = clinicId;
        this.examId = examId;
        this.number = number;
        this.outcome = outcome;
    }

    void write(ClinicCipher.Sealed text) {
        this.text = SealedText.of(text);
    }

    String open(ClinicCipher cipher, String purpose) {
        return text.open(cipher, purpose, id);
    }

    @Override
    public String toString() {
        return "PolygraphQuestion[" + id + "]";
    }
}
