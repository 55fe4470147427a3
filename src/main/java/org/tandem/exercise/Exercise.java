package org.tandem.exercise;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.UuidGenerator;
import org.tandem.common.Problems;

/** An exercise of a clinic's library. Editing adds a version; archiving hides it from new assignments only. */
@Entity
@Table(name = "exercise")
public class Exercise {

    @Id
    @GeneratedValue
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    private UUID id;

    @Column(name = "clinic_id", nullable = false, updatable = false)
    private UUID clinicId;

    @Column(name = "current_number", nullable = false)
    private int currentNumber;

    @Column(nullable = false)
    private boolean archived;

    @OneToMany(mappedBy = "exercise", cascade = CascadeType.PERSIST)
    @OrderBy("number")
    private List<ExerciseVersion> versions = new ArrayList<>();

    @Version
    @Column(nullable = false)
    private long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Exercise() {
    }

    public Exercise(UUID clinicId, ExerciseContent content, String author) {
        this.clinicId = clinicId;
        this.createdAt = Instant.now();
        revise(content, author);
    }

    /** A new version with this content becomes the current one; earlier versions stay as they were. */
    public void revise(ExerciseContent content, String author) {
        if (archived) {
            throw Problems.conflict("exercise-archived", "Exercise Archived", "An archived exercise is not edited.");
        }
        currentNumber++;
        versions.add(new ExerciseVersion(this, currentNumber, content, author));
        updatedAt = Instant.now();
    }

    public void archive() {
        archived = true;
        updatedAt = Instant.now();
    }

    public ExerciseVersion current() {
        return versions.stream().filter(v -> v.getNumber() == currentNumber).findFirst().orElseThrow();
    }

    public UUID getId() {
        return id;
    }

    public UUID getClinicId() {
        return clinicId;
    }

    public boolean isArchived() {
        return archived;
    }

    public List<ExerciseVersion> getVersions() {
        return versions;
    }

    public long getVersion() {
        return version;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    @Override
    public String toString() {
        return "Exercise[id=" + id + "]";
    }
}
