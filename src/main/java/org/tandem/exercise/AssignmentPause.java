package org.tandem.exercise;

import lombok.AccessLevel;
import lombok.Getter;
import org.tandem.common.persistence.Identified;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A stretch of days an assignment was paused: nothing is due then. Open while {@code until} is null. */
@Entity
@Table(name = "assignment_pause")
@Getter
public class AssignmentPause extends Identified {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "assignment_id", nullable = false, updatable = false)
    @Getter(AccessLevel.NONE)
    private Assignment assignment;

    @Column(name = "paused_from", nullable = false, updatable = false)
    private LocalDate pausedFrom;

    @Column(name = "paused_until")
    private LocalDate until;

    protected AssignmentPause() {
    }

    AssignmentPause(Assignment assignment, LocalDate from) {
        this.assignment = assignment;
        this.pausedFrom = from;
    }

    void close(LocalDate lastPausedDay) {
        this.until = lastPausedDay;
    }

    boolean isOpen() {
        return until == null;
    }

    Adherence.Period period(LocalDate openEnd) {
        return new Adherence.Period(pausedFrom, until == null ? openEnd : until);
    }

}
