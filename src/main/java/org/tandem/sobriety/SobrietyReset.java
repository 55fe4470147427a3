package org.tandem.sobriety;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import org.tandem.common.Markable;
import org.tandem.crypto.ClinicCipher;
import org.tandem.crypto.SealedText;

/**
 * A logged slip or relapse of a partner in recovery. The optional note is encrypted like a session note. What was
 * logged never changes ({@code updatable = false}); a reset logged by mistake is marked as entered in error, once,
 * and then no longer breaks a streak.
 */
@Entity
@Table(name = "sobriety_reset")
@Getter
public class SobrietyReset extends Markable {

    /** Assigned here: the note's ciphertext is bound to the id and must exist before the insert. */
    @Id
    private UUID id;

    @Column(name = "clinic_id", nullable = false, updatable = false)
    private UUID clinicId;

    @Column(name = "partner_id", nullable = false, updatable = false)
    @Getter(AccessLevel.NONE)
    private UUID partnerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 16)
    private ResetKind kind;

    @Column(name = "occurred_on", nullable = false, updatable = false)
    private LocalDate occurredOn;

    @Embedded
    @AttributeOverride(name = "keyId", column = @Column(name = "note_key_id", updatable = false))
    @AttributeOverride(name = "ciphertext", column = @Column(name = "note_ciphertext", updatable = false,
            columnDefinition = "blob"))
    @Getter(AccessLevel.NONE)
    private SealedText note;

    @Column(name = "logged_by", nullable = false, updatable = false, length = 255)
    @Getter(AccessLevel.NONE)
    private String loggedBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected SobrietyReset() {
    }

    public SobrietyReset(UUID clinicId, UUID partnerId, ResetKind kind, LocalDate occurredOn, String loggedBy) {
        this.id = UUID.randomUUID();
        this.clinicId = clinicId;
        this.partnerId = partnerId;
        this.kind = kind;
        this.occurredOn = occurredOn;
        this.loggedBy = loggedBy;
        this.createdAt = Instant.now();
    }

    /** Set once, before the reset is persisted. */
    void seal(ClinicCipher.Sealed note) {
        if (this.note != null) {
            throw new IllegalStateException("a reset note is sealed once");
        }
        this.note = SealedText.of(note);
    }

    public boolean hasNote() {
        return note != null;
    }

    String openNote(ClinicCipher cipher, String purpose) {
        return note.open(cipher, purpose, id);
    }

    @Override
    public String toString() {
        return "SobrietyReset[id=" + id + "]";
    }
}
