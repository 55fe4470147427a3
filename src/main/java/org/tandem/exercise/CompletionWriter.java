package org.tandem.exercise;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.UUID;
import org.tandem.couple.Partner;

/**
 * Inserts a completion in a transaction of its own, so that when two identical logs race, the loser's clash on the
 * unique key (assignment, partner, day) can be answered by reading the winner's row: logging stays idempotent.
 */
@ApplicationScoped
public class CompletionWriter {

    private final AssignmentRepository assignments;

    CompletionWriter(AssignmentRepository assignments) {
        this.assignments = assignments;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void insert(UUID assignmentId, UUID partnerId, LocalDate day, String reflection, boolean shared,
            Integer rating, String loggedBy) {
        EntityManager em = assignments.getEntityManager();
        assignments.persistCompletion(new Completion(em.getReference(Assignment.class, assignmentId),
                em.getReference(Partner.class, partnerId), day, reflection, shared, rating, loggedBy));
        assignments.flush();
    }
}
