package org.tandem.note;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import org.tandem.common.Conflict;
import org.tandem.crypto.ClinicCipher;
import org.tandem.crypto.SealedText;
import org.tandem.scheduling.TherapySession;
import org.tandem.therapist.Therapist;

/**
 * The clinical record of one session. A draft changes only through its author; once signed it never changes again,
 * and anything to add goes into an addendum. The body is ciphertext here; {@link ClinicCipher} holds the keys.
 */
@Entity
@Table(name = "session_note")
@Getter
public class SessionNote {

    /**
     * Assigned here, not by Hibernate: the ciphertext is bound to the id and must exist before the insert, whose
     * values Hibernate takes at persist().
     */
    @Id
    private UUID id;

    @Column(name = "clinic_id", nullable = false, updatable = false)
    private UUID clinicId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "session_id", nullable = false, updatable = false)
    private TherapySession session;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id", nullable = false, updatable = false)
    private Therapist author;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private NoteTemplate template;

    @Column(nullable = false)
    private boolean psychotherapy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private NoteStatus status;

    @Embedded
    @AttributeOverride(name = "keyId", column = @Column(name = "body_key_id", nullable = false))
    @AttributeOverride(name = "ciphertext", column = @Column(name = "body_ciphertext", nullable = false,
            columnDefinition = "mediumblob"))
    @Getter(AccessLevel.NONE)
    private SealedText body;

    /** Counts the saved versions of the draft, from 1. */
    @Column(nullable = false)
    private int revision;

    @Column(name = "signed_at")
    private Instant signedAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "cosigned_by")
    private Therapist cosignedBy;

    @Column(name = "cosigned_at")
    private Instant cosignedAt;

    @Version
    @Column(nullable = false)
    private long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected SessionNote() {
    }

    SessionNote(TherapySession session, Therapist author, NoteTemplate template, boolean psychotherapy) {
        this.id = UUID.randomUUID();
        this.clinicId = session.getClinic().getId();
        this.session = session;
        this.author = author;
        this.template = template;
        this.psychotherapy = psychotherapy;
        this.status = NoteStatus.DRAFT;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    /** Stores a new revision of the draft body. */
    void saveDraft(NoteTemplate template, boolean psychotherapy, ClinicCipher.Sealed body) {
        requireDraft();
        this.template = template;
        this.psychotherapy = psychotherapy;
        this.body = SealedText.of(body);
        this.revision++;
        this.updatedAt = Instant.now();
    }

    /** The body, opened with {@code cipher} (the clinic's, or a rotated one in a test) for {@code purpose}. */
    public String openBody(ClinicCipher cipher, String purpose) {
        return body.open(cipher, purpose, id);
    }

    void sign(Instant now) {
        requireDraft();
        this.status = NoteStatus.SIGNED;
        this.signedAt = now;
        this.updatedAt = now;
    }

    /** A second therapist of the couple confirms the signed note. */
    void cosign(Therapist cosigner, Instant now) {
        if (status != NoteStatus.SIGNED) {
            throw new Conflict("note-not-signed", "Note Not Signed", "Only a signed note can be co-signed.");
        }
        if (cosigner.getId().equals(author.getId())) {
            throw new Conflict("note-cosign-self", "Co-signature By Author",
                    "The author signs the note; a co-signature comes from another therapist.");
        }
        if (cosignedBy != null) {
            throw new Conflict("note-already-cosigned", "Already Co-signed", "The note is already co-signed.");
        }
        this.cosignedBy = cosigner;
        this.cosignedAt = now;
        this.updatedAt = now;
    }

    void requireSigned() {
        if (status != NoteStatus.SIGNED) {
            throw new Conflict("note-not-signed", "Note Not Signed",
                    "The note is still a draft: edit it instead of adding an addendum.");
        }
    }

    private void requireDraft() {
        if (status != NoteStatus.DRAFT) {
            throw new Conflict("note-signed", "Note Signed",
                    "A signed note cannot be changed; add an addendum instead.");
        }
    }

    @Override
    public String toString() {
        return "SessionNote[id=" + id + ", status=" + status + "]";
    }
}
