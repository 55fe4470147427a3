package org.tandem.note;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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
import org.hibernate.annotations.Immutable;
import org.tandem.crypto.ClinicCipher;
import org.tandem.crypto.SealedText;
import org.tandem.therapist.Therapist;

/** Text added to a signed note; signed by its author when written, never changed. */
@Entity
@Immutable
@Table(name = "note_addendum")
@Getter
public class NoteAddendum {

    /**
     * Assigned here, not by Hibernate: the ciphertext is bound to the id and must exist before the insert, whose
     * values Hibernate takes at persist().
     */
    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "note_id", nullable = false, updatable = false)
    @Getter(AccessLevel.NONE)
    private SessionNote note;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id", nullable = false, updatable = false)
    private Therapist author;

    @Embedded
    @AttributeOverride(name = "keyId", column = @Column(name = "body_key_id", nullable = false, updatable = false))
    @AttributeOverride(name = "ciphertext", column = @Column(name = "body_ciphertext", nullable = false, updatable = false,
            columnDefinition = "mediumblob"))
    @Getter(AccessLevel.NONE)
    private SealedText body;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected NoteAddendum() {
    }

    NoteAddendum(SessionNote note, Therapist author) {
        this.id = UUID.randomUUID();
        this.note = note;
        this.author = author;
        this.createdAt = Instant.now();
    }

    /** Set once, before the addendum is persisted. */
    void seal(ClinicCipher.Sealed body) {
        if (this.body != null) {
            throw new IllegalStateException("an addendum is sealed once");
        }
        this.body = SealedText.of(body);
    }

    String openBody(ClinicCipher cipher, String purpose) {
        return body.open(cipher, purpose, id);
    }

    @Override
    public String toString() {
        return "NoteAddendum[id=" + id + "]";
    }
}
