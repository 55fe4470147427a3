package org.tandem.exercise;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.UuidGenerator;
import org.tandem.common.Markable;
import org.tandem.couple.Partner;

/**
 * One partner did the exercise on one day. The reflection is clinical data: never logged, shown to the other
 * partner only when shared. What was logged never changes ({@code updatable = false}); a completion logged by
 * mistake is marked as entered in error, once, and adherence no longer counts it.
 */
@Entity
@Table(name = "completion")
public class Completion extends Markable {

    @Id
    @GeneratedValue
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "assignment_id", nullable = false, updatable = false)
    private Assignment assignment;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "partner_id", nullable = false, updatable = false)
    private Partner partner;

    @Column(name = "done_on", nullable = false, updatable = false)
    private LocalDate doneOn;

    @Column(length = 4000, updatable = false)
    private String reflection;

    @Column(nullable = false, updatable = false)
    private boolean shared;

    @Column(updatable = false)
    private Integer rating;

    @Column(name = "logged_by", nullable = false, updatable = false, length = 255)
    private String loggedBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Completion() {
    }

    Completion(Assignment assignment, Partner partner, LocalDate doneOn, String reflection, boolean shared,
            Integer rating, String loggedBy) {
        this.assignment = assignment;
        this.partner = partner;
        this.doneOn = doneOn;
        this.reflection = reflection;
        this.shared = shared;
        this.rating = rating;
        this.loggedBy = loggedBy;
        this.createdAt = Instant.now();
    }

    public String getLoggedBy() {
        return loggedBy;
    }

    public UUID getId() {
        return id;
    }

    public Partner getPartner() {
        return partner;
    }

    public LocalDate getDoneOn() {
        return doneOn;
    }

    public String getReflection() {
        return reflection;
    }

    public boolean isShared() {
        return shared;
    }

    public Integer getRating() {
        return rating;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    @Override
    public String toString() {
        return "Completion[id=" + id + "]";
    }
}
