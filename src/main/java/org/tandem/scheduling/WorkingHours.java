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
import java.time.DayOfWeek;
import java.time.LocalTime;
import org.tandem.therapist.Therapist;

/** One block of a therapist's week, in the clinic's local time (e.g. Monday 09:00-12:00). */
@Entity
@Table(name = "working_hours")
@Getter
public class WorkingHours extends Identified {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "therapist_id", nullable = false, updatable = false)
    @Getter(AccessLevel.NONE)
    private Therapist therapist;

    @Column(name = "day_of_week", nullable = false)
    @Getter(AccessLevel.NONE)
    private int dayOfWeek;

    @Column(name = "starts_at", nullable = false)
    private LocalTime startsAt;

    @Column(name = "ends_at", nullable = false)
    private LocalTime endsAt;

    protected WorkingHours() {
    }

    WorkingHours(Therapist therapist, DayOfWeek day, LocalTime start, LocalTime end) {
        this.therapist = therapist;
        this.dayOfWeek = day.getValue();
        this.startsAt = start;
        this.endsAt = end;
    }

    public DayOfWeek getDayOfWeek() {
        return DayOfWeek.of(dayOfWeek);
    }

}
