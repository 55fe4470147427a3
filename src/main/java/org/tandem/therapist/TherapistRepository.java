package org.tandem.therapist;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class TherapistRepository implements PanacheRepositoryBase<Therapist, UUID> {

    private static final String ACTIVE =
            "not exists (select 1 from StaffMember s where s.id = t.id and s.deactivatedAt is not null)";

    public Optional<Therapist> findBySubject(String subject) {
        return find("subject", subject).firstResultOptional();
    }

    public Optional<Therapist> findInClinic(UUID clinicId, UUID id) {
        return find("id = ?1 and clinic.id = ?2", id, clinicId).firstResultOptional();
    }

    public List<Therapist> findAllInClinic(UUID clinicId, Collection<UUID> ids) {
        return list("id in ?1 and clinic.id = ?2", ids, clinicId);
    }

    /** A therapist of the clinic who may take on couples and sessions: one whose staff record is not deactivated. */
    public Optional<Therapist> findActiveInClinic(UUID clinicId, UUID id) {
        return find("from Therapist t where t.id = ?1 and t.clinic.id = ?2 and " + ACTIVE, id, clinicId)
                .firstResultOptional();
    }

    /** As {@link #findActiveInClinic}, for several ids; those not found are left out. */
    public List<Therapist> findAllActiveInClinic(UUID clinicId, Collection<UUID> ids) {
        return list("from Therapist t where t.id in ?1 and t.clinic.id = ?2 and " + ACTIVE, ids, clinicId);
    }

    public List<Therapist> page(UUID clinicId, int page, int size) {
        return find("clinic.id", Sort.by("displayName").and("id"), clinicId).page(Page.of(page, size)).list();
    }

    public long countInClinic(UUID clinicId) {
        return count("clinic.id", clinicId);
    }
}
