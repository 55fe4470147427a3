package org.tandem.therapist;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.tandem.common.RowLock;

@ApplicationScoped
public class TherapistRepository implements PanacheRepositoryBase<Therapist, UUID> {

    public Optional<Therapist> findBySubject(String subject) {
        return find("subject", subject).firstResultOptional();
    }

    public Optional<Therapist> findInClinic(UUID clinicId, UUID id) {
        return find("id = ?1 and clinic.id = ?2", id, clinicId).firstResultOptional();
    }

    public List<Therapist> findAllInClinic(UUID clinicId, Collection<UUID> ids) {
        return list("id in ?1 and clinic.id = ?2", ids, clinicId);
    }

    public List<Therapist> page(UUID clinicId, int page, int size) {
        return find("clinic.id", Sort.by("displayName").and("id"), clinicId).page(Page.of(page, size)).list();
    }

    /**
     * Locks therapists' rows ({@code SELECT ... FOR UPDATE}, in id order) for the rest of the transaction. Everything
     * that locks both a therapist and a couple takes the therapists first, so two transactions never wait on each
     * other in a circle.
     */
    public void lock(Collection<UUID> ids) {
        ids.stream().distinct().sorted().forEach(id -> RowLock.lock(getEntityManager(), "therapist", id));
    }

    public long countInClinic(UUID clinicId) {
        return count("clinic.id", clinicId);
    }
}
