package org.tandem.exercise;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.tandem.common.web.PageQuery;
import org.tandem.common.persistence.RowLock;

/** A clinic's library: every query names the clinic. */
@ApplicationScoped
public class ExerciseRepository implements PanacheRepositoryBase<Exercise, UUID> {

    public Optional<Exercise> findInClinic(UUID clinicId, UUID id) {
        return find("id = ?1 and clinicId = ?2", id, clinicId).firstResultOptional();
    }

    public PanacheQuery<Exercise> search(UUID clinicId, ExerciseCategory category, boolean includeArchived,
            PageQuery page) {
        StringBuilder where = new StringBuilder("e.clinicId = :clinic");
        Parameters params = Parameters.with("clinic", clinicId);
        if (!includeArchived) {
            where.append(" and e.archived = false");
        }
        if (category != null) {
            where.append(" and exists (select 1 from ExerciseVersion v where v.exercise = e and v.number = e.currentNumber"
                    + " and v.category = :category)");
            params.and("category", category);
        }
        return find("from Exercise e where " + where, Sort.by("e.createdAt").and("e.id"), params)
                .page(Page.of(page.page(), page.size()));
    }

    public long countInClinic(UUID clinicId) {
        return count("clinicId", clinicId);
    }

    /** Serializes the first seeding of a clinic's library across requests and replicas. */
    public void lockClinic(UUID clinicId) {
        RowLock.lock(getEntityManager(), "clinic", clinicId);
    }
}
