package org.tandem.note;

import lombok.AccessLevel;
import lombok.Getter;
import org.tandem.common.persistence.Identified;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;
import org.tandem.therapist.Therapist;

/** Who saved which revision of a draft, and when. */
@Entity
@Immutable
@Table(name = "note_revision")
@Getter
public class NoteRevision extends Identified {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "note_id", nullable = false, updatable = false)
    @Getter(AccessLevel.NONE)
    private SessionNote note;

    @Column(nullable = false, updatable = false)
    private int revision;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "saved_by", nullable = false, updatable = false)
    private Therapist savedBy;

    @Column(name = "saved_at", nullable = false, updatable = false)
    private Instant savedAt;

    protected NoteRevision() {
    }

    NoteRevision(SessionNote note, Therapist savedBy) {
        this.note = note;
        this.revision = note.getRevision();
        this.savedBy = savedBy;
        this.savedAt = Instant.now();
    }

}
