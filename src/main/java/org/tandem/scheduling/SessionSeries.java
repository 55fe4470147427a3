package org.tandem.scheduling;

import lombok.Getter;
import org.tandem.common.persistence.Versioned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.tandem.clinic.Clinic;
import org.tandem.couple.Couple;
import org.tandem.couple.Partner;
import org.tandem.therapist.Therapist;

/**
 * A recurring appointment: every N weeks at the same wall-clock time in the clinic's zone, until a date, for a
 * number of occurrences, or open-ended (expanded over a rolling horizon). Occurrences are ordinary sessions with a
 * series index; the index is unique per series, so an occurrence is never created twice nor silently dropped.
 */
@Entity
@Table(name = "session_series")
@Getter
public class SessionSeries extends Versioned {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "clinic_id", nullable = false, updatable = false)
    private Clinic clinic;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "couple_id", nullable = false, updatable = false)
    private Couple couple;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "therapist_id", nullable = false, updatable = false)
    private Therapist therapist;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "partner_id", updatable = false)
    private Partner partner;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 16)
    private SessionKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 16)
    private Modality modality;

    @Column(length = 200, updatable = false)
    private String location;

    @Column(name = "video_link", length = 500, updatable = false)
    private String videoLink;

    @Column(name = "first_local_start", nullable = false, updatable = false)
    private LocalDateTime firstLocalStart;

    @Column(name = "duration_minutes", nullable = false, updatable = false)
    private int durationMinutes;

    @Column(name = "interval_weeks", nullable = false, updatable = false)
    private int intervalWeeks;

    @Column(name = "until_date")
    private LocalDate untilDate;

    @Column(name = "occurrence_limit")
    private Integer occurrenceLimit;

    /** The index the next created occurrence gets. */
    @Column(name = "next_index", nullable = false)
    private int nextIndex;

    @Column(nullable = false)
    private boolean ended;

    protected SessionSeries() {
    }

    SessionSeries(Clinic clinic, Couple couple, Therapist therapist, Partner partner, SessionKind kind,
            Modality modality, String location, String videoLink, LocalDateTime firstLocalStart, int durationMinutes,
            int intervalWeeks, LocalDate untilDate, Integer occurrenceLimit) {
        this.clinic = clinic;
        this.couple = couple;
        this.therapist = therapist;
        this.partner = partner;
        this.kind = kind;
        this.modality = modality;
        this.location = location;
        this.videoLink = videoLink;
        this.firstLocalStart = firstLocalStart;
        this.durationMinutes = durationMinutes;
        this.intervalWeeks = intervalWeeks;
        this.untilDate = untilDate;
        this.occurrenceLimit = occurrenceLimit;
    }

    /**
     * Where occurrence {@code index} falls: the same local time, {@code index * interval} weeks on, in the clinic's
     * zone. A local time that a DST change skips moves forward by the gap; one it repeats takes the earlier offset.
     */
    public SessionSlot occurrence(int index, ZoneId zone) {
        LocalDateTime local = firstLocalStart.plusWeeks((long) index * intervalWeeks);
        Instant start = ZonedDateTime.ofLocal(local, zone, null).toInstant();
        return new SessionSlot(start, start.plus(Duration.ofMinutes(durationMinutes)));
    }

    /** Whether occurrence {@code index} belongs to the series at all (its count and end date). */
    public boolean includes(int index) {
        if (ended || (occurrenceLimit != null && index >= occurrenceLimit)) {
            return false;
        }
        return untilDate == null || !firstLocalStart.plusWeeks((long) index * intervalWeeks).toLocalDate().isAfter(untilDate);
    }

    public boolean isOpenEnded() {
        return untilDate == null && occurrenceLimit == null;
    }

    /** Counts an occurrence as created. */
    void advance() {
        nextIndex++;
    }

    /** Ends the series before occurrence {@code index}: nothing from there on belongs to it. */
    void endBefore(int index) {
        this.occurrenceLimit = occurrenceLimit == null ? index : Math.min(occurrenceLimit, index);
        if (index <= nextIndex) {
            this.ended = true;
        }
    }

    @Override
    public String toString() {
        return "SessionSeries[id=" + getId() + "]";
    }
}
