package org.tandem.exercise;

import org.tandem.common.persistence.Identified;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.Immutable;

/** One version of an exercise's content: never changed once written. */
@Entity
@Immutable
@Table(name = "exercise_version")
public class ExerciseVersion extends Identified {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "exercise_id", nullable = false, updatable = false)
    private Exercise exercise;

    @Column(nullable = false, updatable = false)
    private int number;

    @Column(nullable = false, updatable = false, length = 200)
    private String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 24)
    private ExerciseCategory category;

    @Column(nullable = false, updatable = false, columnDefinition = "text")
    private String instructions;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 16)
    private Performer performer;

    @Enumerated(EnumType.STRING)
    @Column(name = "cadence_kind", nullable = false, updatable = false, length = 16)
    private Cadence.Kind cadenceKind;

    @Column(name = "times_per_week", updatable = false)
    private Integer timesPerWeek;

    @Column(name = "estimated_minutes", nullable = false, updatable = false)
    private int estimatedMinutes;

    /** The reflection prompts, as a JSON array. */
    @Column(nullable = false, updatable = false, columnDefinition = "text")
    private String prompts;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false, length = 255)
    private String createdBy;

    protected ExerciseVersion() {
    }

    ExerciseVersion(Exercise exercise, int number, ExerciseContent c, String createdBy) {
        this.exercise = exercise;
        this.number = number;
        this.title = c.title();
        this.category = c.category();
        this.instructions = c.instructions();
        this.performer = c.performer();
        this.cadenceKind = c.cadence().kind();
        this.timesPerWeek = c.cadence().timesPerWeek();
        this.estimatedMinutes = c.estimatedMinutes();
        try {
            this.prompts = JSON.writeValueAsString(c.prompts() == null ? List.of() : c.prompts());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        this.createdAt = Instant.now();
        this.createdBy = createdBy;
    }

    public ExerciseContent content() {
        try {
            return new ExerciseContent(title, category, instructions, performer, Cadence.of(cadenceKind, timesPerWeek),
                    estimatedMinutes, JSON.readValue(prompts, new TypeReference<List<String>>() { }));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored prompts are not a JSON array", e);
        }
    }

    public Exercise getExercise() {
        return exercise;
    }

    public int getNumber() {
        return number;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    @Override
    public String toString() {
        return "ExerciseVersion[id=" + getId() + ", number=" + number + "]";
    }
}
