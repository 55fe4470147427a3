package org.tandem.exercise;

import lombok.AccessLevel;
import lombok.Getter;
import org.tandem.common.persistence.Tracked;
import org.tandem.common.Conflict;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** An exercise of a clinic's library. Editing adds a version; archiving hides it from new assignments only. */
@Entity
@Table(name = "exercise")
@Getter
public class Exercise extends Tracked {

    @Column(name = "clinic_id", nullable = false, updatable = false)
    private UUID clinicId;

    @Column(name = "current_number", nullable = false)
    @Getter(AccessLevel.NONE)
    private int currentNumber;

    @Column(nullable = false)
    private boolean archived;

    @OneToMany(mappedBy = "exercise", cascade = CascadeType.PERSIST)
    @OrderBy("number")
    private List<ExerciseVersion> versions = new ArrayList<>();

    protected Exercise() {
    }

    public Exercise(UUID clinicId, ExerciseContent content, String author) {
        this.clinicId = clinicId;
        revise(content, author);
    }

    /** A new version with this content becomes the current one; earlier versions stay as they were. */
    public void revise(ExerciseContent content, String author) {
        if (archived) {
            throw new Conflict("exercise-archived", "Exercise Archived", "An archived exercise is not edited.");
        }
        currentNumber++;
        versions.add(new ExerciseVersion(this, currentNumber, content, author));
        touch();
    }

    public void archive() {
        archived = true;
        touch();
    }

    public ExerciseVersion current() {
        return versions.stream().filter(v -> v.getNumber() == currentNumber).findFirst().orElseThrow();
    }

    @Override
    public String toString() {
        return "Exercise[id=" + getId() + "]";
    }
}
