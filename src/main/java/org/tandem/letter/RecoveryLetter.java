package org.tandem.letter;

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
 * An impact or restitution letter. Its author rewrites it until the other partner may read it (shared by the author,
 * or read aloud in session); from then on it is what the other partner received, and stays as it is.
 */
@Entity
@Table(name = "recovery_letter")
@Getter
public class RecoveryLetter extends CoupleRecord {

    @Column(name = "author_partner_id", nullable = false, updatable = false)
    private UUID authorPartnerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 16)
    private LetterKind kind;

    @Embedded
    @AttributeOverride(name = "keyId", column = @Column(name = "content_key_id", nullable = false))
    @AttributeOverride(name = "ciphertext", column = @Column(name = "content_ciphertext", nullable = false,
            columnDefinition = "mediumblob"))
    @Getter(AccessLevel.NONE)
    private SealedText content;

    @Column(name = "shared_at")
    private Instant sharedAt;

    @Column(name = "read_in_session_on")
    private LocalDate readInSessionOn;

    @Version
    @Column(nullable = false)
    private long version;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected RecoveryLetter() {
    }

    RecoveryLetter(UUID clinicId, UUID coupleId, UUID authorPartnerId, LetterKind kind) {
        super(clinicId, coupleId);
        this.authorPartnerId = authorPartnerId;
        this.kind = kind;
        this.updatedAt = getCreatedAt();
    }

    /** Whether the other partner may read it. */
    boolean isOpenToOther() {
        return sharedAt != null || readInSessionOn != null;
    }

    void write(ClinicCipher.Sealed content) {
        if (isOpenToOther()) {
            throw new Conflict("letter-delivered", "Letter Delivered",
                    "The other partner has received this letter; it stays as it was.");
        }
        this.content = SealedText.of(content);
        this.updatedAt = Instant.now();
    }

    String open(ClinicCipher cipher, String purpose) {
        return content.open(cipher, purpose, getId());
    }

    void share() {
        if (sharedAt == null) {
            this.sharedAt = Instant.now();
            this.updatedAt = sharedAt;
        }
    }

    void readInSession(LocalDate on) {
        this.readInSessionOn = on;
        this.updatedAt = Instant.now();
    }
}
