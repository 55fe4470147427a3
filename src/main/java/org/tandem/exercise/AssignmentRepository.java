package org.tandem.exercise;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.tandem.common.persistence.RowLock;
import org.tandem.crypto.ClinicCipher;
import org.tandem.crypto.SealedColumn;

/** Assignments are reached through their couple, which the caller must see first (CoupleRepository#findVisible). */
@ApplicationScoped
public class AssignmentRepository implements PanacheRepositoryBase<Assignment, UUID> {

    /** The completions that count (not entered in error), as {@link Done} rows; callers add what they are of. */
    private static final String COUNTED = "select c.assignment.id, c.partner.id, c.doneOn from Completion c"
            + " where c.enteredInError.at is null";

    private final ClinicCipher cipher;

    AssignmentRepository(ClinicCipher cipher) {
        this.cipher = cipher;
    }

    /**
     * Seals the therapist's note on an assignment into its row (null: none), bound to its id; a new assignment has
     * its id only once persisted (ClinicCipher#sealInto).
     */
    public void writeNote(Assignment assignment, String note) {
        cipher.sealInto(getEntityManager(), SealedColumn.ASSIGNMENT_NOTE, "therapist_note",
                assignment.getCouple().getClinic().getId(), assignment.getId(), note);
    }

    public Optional<Assignment> findForCouple(UUID coupleId, UUID id) {
        return find("id = ?1 and couple.id = ?2", id, coupleId).firstResultOptional();
    }

    public List<Assignment> forCouple(UUID coupleId, AssignmentStatus status) {
        return status == null
                ? list("couple.id", Sort.by("startsOn").and("id"), coupleId)
                : list("couple.id = ?1 and status = ?2", Sort.by("startsOn").and("id"), coupleId, status);
    }

    /** A completion as adherence counts it: whose, and which day. */
    public record Done(UUID assignmentId, UUID partnerId, LocalDate doneOn) {
        @Override
        public String toString() {
            return "Done[assignment=" + assignmentId + "]";
        }
    }

    /**
     * The couple's assignments with their exercise and pauses, in one select: what adherence needs of each, without
     * a select per assignment.
     */
    public List<Assignment> forCoupleWithPauses(UUID coupleId) {
        return getSession().createSelectionQuery("select a from Assignment a join fetch a.exercise"
                + " left join fetch a.pauses where a.couple.id = :couple order by a.startsOn, a.id", Assignment.class)
                .setParameter("couple", coupleId).getResultList();
    }

    /**
     * The completions that count (not entered in error) in [from, to] of every assignment of the couple, in one
     * select. By couple, not by a list of assignments: Hibernate translates a query with a list parameter again on
     * every execution.
     */
    public List<Done> countedOfCouple(UUID coupleId, LocalDate from, LocalDate to) {
        return getSession().createSelectionQuery(COUNTED + " and c.assignment.couple.id = :couple"
                + " and c.doneOn >= :from and c.doneOn <= :to", Done.class)
                .setParameter("couple", coupleId).setParameter("from", from).setParameter("to", to).getResultList();
    }

    /** The completions of one assignment that count. */
    public List<Done> counted(UUID assignmentId) {
        return getSession().createSelectionQuery(COUNTED + " and c.assignment.id = :assignment", Done.class)
                .setParameter("assignment", assignmentId).getResultList();
    }

    public List<Completion> completions(UUID assignmentId) {
        // By when it was logged within a day: ids are random (assigned before the insert), not time-ordered.
        return getEntityManager().createQuery("from Completion c where c.assignment.id = :a"
                + " order by c.doneOn, c.createdAt, c.id", Completion.class).setParameter("a", assignmentId)
                .getResultList();
    }

    /** The completion of the assignment with that id, if any. */
    public Optional<Completion> completionOf(UUID assignmentId, UUID completionId) {
        return getEntityManager().createQuery("from Completion c where c.assignment.id = :a and c.id = :c",
                Completion.class).setParameter("a", assignmentId).setParameter("c", completionId).getResultStream()
                .findFirst();
    }

    /** A completion of one of the couple's assignments, its row locked until the transaction ends. */
    public Optional<Completion> lockCompletionOfCouple(UUID coupleId, UUID completionId) {
        Optional<Completion> found = getEntityManager().createQuery("from Completion c where c.assignment.couple.id"
                + " = :couple and c.id = :c", Completion.class).setParameter("couple", coupleId)
                .setParameter("c", completionId).getResultStream().findFirst();
        found.ifPresent(c -> {
            RowLock.lock(getEntityManager(), "completion", c.getId());
            getEntityManager().refresh(c);
        });
        return found;
    }

    /** The completion that counts for the partner and day: one marked as entered in error does not. */
    public Optional<Completion> completion(UUID assignmentId, UUID partnerId, java.time.LocalDate day) {
        return getEntityManager().createQuery("from Completion c where c.assignment.id = :a and c.partner.id = :p"
                + " and c.countedOn = :d", Completion.class).setParameter("a", assignmentId).setParameter("p", partnerId)
                .setParameter("d", day).getResultStream().findFirst();
    }

    /** Locks the assignment's row until the transaction ends. */
    public void lockRow(UUID id) {
        RowLock.lock(getEntityManager(), "assignment", id);
    }

    public void persistCompletion(Completion completion) {
        getEntityManager().persist(completion);
    }
}
