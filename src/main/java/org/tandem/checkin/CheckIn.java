package org.tandem.checkin;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import org.tandem.crypto.ClinicCipher;
import org.tandem.crypto.SealedText;
import org.tandem.couple.CoupleRecord;

/**
 * One partner's check-in of one day. Its words (the five FANOS parts) are sealed as a whole, bound to this id; the
 * partner rewrites them or changes whether the other partner may read them.
 */
@Entity
@Table(name = "check_in")
@Getter
public class CheckIn extends CoupleRecord {

    @Column(name = "partner_id", nullable = false, updatable = false)
    private UUID partnerId;

    @Column(nullable = false, updatable = false)
    private LocalDate day;

    @Embedded
    @AttributeOverride(name = "keyId", column = @Column(name = "content_key_id", nullable = false))
    @AttributeOverride(name = "ciphertext", column = @Column(name = "content_ciphertext", nullable = false,
            columnDefinition = "blob"))
    @Getter(AccessLevel.NONE)
    private SealedText content;

    @Column(nullable = false)
    private boolean shared;

    @Version
    @Column(nullable = false)
    private long version;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected CheckIn() {
    }

    /** A new check-in; its id is assigned here because the sealing binds the words to it before the insert. */
    CheckIn(UUID clinicId, UUID coupleId, UUID partnerId, LocalDate day) {
        super(clinicId, coupleId);
        this.partnerId = partnerId;
        this.day = day;
        this.updatedAt = getCreatedAt();
    }

    void write(ClinicCipher.Sealed content, boolean shared) {
        this.content = SealedText.of(content);
        this.shared = shared;
        this.updatedAt = Instant.now();
    }

    String open(ClinicCipher cipher, String purpose) {
        return content.open(cipher, purpose, getId());
    }
}
