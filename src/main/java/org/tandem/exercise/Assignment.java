package org.tandem.exercise;

import lombok.AccessLevel;
import lombok.Getter;
import org.tandem.common.persistence.Tracked;
import org.tandem.common.Conflict;
import org.tandem.common.InvalidField;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.tandem.couple.Couple;
import org.tandem.crypto.ClinicCipher;
import org.tandem.crypto.SealedColumn;
import org.tandem.crypto.SealedText;
import org.tandem.couple.Partner;

/** An exercise version assigned to a couple, or to one partner, with a cadence and a date range. */
@Entity
@Table(name = "assignment")
@Getter
public class Assignment extends Tracked {

    @Column(name = "clinic_id", nullable = false, updatable = false)
    @Getter(AccessLevel.NONE)
    private UUID clinicId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "couple_id", nullable = false, updatable = false)
    private Couple couple;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "partner_id", updatable = false)
    private Partner partner;

    /** The version given: later edits of the exercise do not change what was assigned. */
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "exercise_version_id", nullable = false, updatable = false)
    private ExerciseVersion exercise;

    @Enumerated(EnumType.STRING)
    @Column(name = "cadence_kind", nullable = false, updatable = false, length = 16)
    @Getter(AccessLevel.NONE)
    private Cadence.Kind cadenceKind;

    @Column(name = "times_per_week", updatable = false)
    @Getter(AccessLevel.NONE)
    private Integer timesPerWeek;

    @Column(name = "starts_on", nullable = false, updatable = false)
    private LocalDate startsOn;

    @Column(name = "ends_on")
    private LocalDate endsOn;

    /** A note written before notes were sealed, until crypto.PlaintextSealing seals it; never written now. */
    @Getter(AccessLevel.NONE)
    @Column(name = "therapist_note", length = 2000, insertable = false, updatable = false)
    private String therapistNote;

    /** The therapist's note, sealed and written by AssignmentRepository#writeNote once the assignment has its id. */
    @Getter(AccessLevel.NONE)
    @Embedded
    @AttributeOverride(name = "keyId", column = @Column(name = "therapist_note_key_id", insertable = false,
            updatable = false))
    @AttributeOverride(name = "ciphertext", column = @Column(name = "therapist_note_ciphertext", insertable = false,
            updatable = false))
    private SealedText sealedNote;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private AssignmentStatus status;

    @OneToMany(mappedBy = "assignment", cascade = CascadeType.PERSIST)
    @OrderBy("pausedFrom")
    private List<AssignmentPause> pauses = new ArrayList<>();

    protected Assignment() {
    }

    Assignment(Couple couple, Partner partner, ExerciseVersion exercise, Cadence cadence, LocalDate startsOn,
            LocalDate endsOn) {
        if (endsOn != null && endsOn.isBefore(startsOn)) {
            throw new InvalidField("endsOn", "must not be before startsOn");
        }
        this.clinicId = couple.getClinic().getId();
        this.couple = couple;
        this.partner = partner;
        this.exercise = exercise;
        this.cadenceKind = cadence.kind();
        this.timesPerWeek = cadence.timesPerWeek();
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.status = AssignmentStatus.ACTIVE;
    }

    /** The therapist's note as stored: opened from its ciphertext, or as written before notes were sealed. */
    String note(ClinicCipher cipher) {
        return SealedColumn.ASSIGNMENT_NOTE.open(cipher, sealedNote, getId(), therapistNote);
    }

    /** ACTIVE and PAUSED go back and forth; both can end as COMPLETED or CANCELLED, which are final. */
    void changeStatus(AssignmentStatus target, LocalDate today) {
        if (status == AssignmentStatus.COMPLETED || status == AssignmentStatus.CANCELLED || target == status) {
            throw new Conflict("invalid-assignment-transition", "Invalid Assignment Transition",
                    "An assignment with status " + status + " cannot move to " + target + ".");
        }
        if (target == AssignmentStatus.PAUSED) {
            pauses.add(new AssignmentPause(this, today));
        } else {
            openPause().ifPresent(p -> p.close(today.minusDays(1)));
        }
        this.status = target;
        touch();
    }

    public Cadence cadence() {
        return Cadence.of(cadenceKind, timesPerWeek);
    }

    /** The active days' frame: start to end (or {@code openEnd} while it has none). */
    public Adherence.Period period(LocalDate openEnd) {
        return new Adherence.Period(startsOn, endsOn == null ? openEnd : endsOn);
    }

    public List<Adherence.Period> pausedPeriods(LocalDate openEnd) {
        return pauses.stream().map(p -> p.period(openEnd)).toList();
    }

    private java.util.Optional<AssignmentPause> openPause() {
        return pauses.stream().filter(AssignmentPause::isOpen).findFirst();
    }

    @Override
    public String toString() {
        return "Assignment[id=" + getId() + ", status=" + status + "]";
    }
}
