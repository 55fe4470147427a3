package org.tandem.scheduling;

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

/** One move of a session: where it was, where it went, when and by whom. */
@Entity
@Immutable
@Table(name = "session_reschedule")
@Getter
public class SessionReschedule extends Identified {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "session_id", nullable = false, updatable = false)
    @Getter(AccessLevel.NONE)
    private TherapySession session;

    @Column(name = "previous_start", nullable = false, updatable = false)
    private Instant previousStart;

    @Column(name = "previous_end", nullable = false, updatable = false)
    private Instant previousEnd;

    @Column(name = "new_start", nullable = false, updatable = false)
    private Instant newStart;

    @Column(name = "new_end", nullable = false, updatable = false)
    private Instant newEnd;

    @Column(name = "changed_at", nullable = false, updatable = false)
    private Instant changedAt;

    @Column(name = "changed_by", nullable = false, updatable = false, length = 255)
    private String changedBy;

    protected SessionReschedule() {
    }

    SessionReschedule(TherapySession session, SessionSlot from, SessionSlot to, String changedBy) {
        this.session = session;
        this.previousStart = from.start();
        this.previousEnd = from.end();
        this.newStart = to.start();
        this.newEnd = to.end();
        this.changedAt = Instant.now();
        this.changedBy = changedBy;
    }

}
