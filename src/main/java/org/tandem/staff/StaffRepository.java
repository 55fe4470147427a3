package org.tandem.staff;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class StaffRepository implements PanacheRepositoryBase<StaffMember, UUID> {

    public Optional<StaffMember> findBySubject(String subject) {
        return find("subject", subject).firstResultOptional();
    }

    /** Another clinic's person is simply not found. */
    public Optional<StaffMember> findInClinic(UUID clinicId, UUID id) {
        return find("id = ?1 and clinic.id = ?2", id, clinicId).firstResultOptional();
    }

    public boolean emailInClinic(UUID clinicId, String email) {
        return count("clinic.id = ?1 and lower(email) = lower(?2)", clinicId, email) > 0;
    }

    public List<StaffMember> page(UUID clinicId, StaffStatus status, int page, int size) {
        return find(where(status), Sort.by("displayName").and("id"), parameters(clinicId))
                .page(Page.of(page, size)).list();
    }

    public long countInClinic(UUID clinicId, StaffStatus status) {
        return count(where(status), parameters(clinicId));
    }

    /** Everyone whose requests are refused, on every replica (StaffRevocations). */
    public List<String> deactivatedSubjects() {
        return getEntityManager().createQuery("select s.subject from StaffMember s where s.deactivatedAt is not null",
                String.class).getResultList();
    }

    private static String where(StaffStatus status) {
        String clinic = "clinic.id = :clinic";
        if (status == null) {
            return clinic;
        }
        return clinic + switch (status) {
            case INVITED -> " and deactivatedAt is null and joinedAt is null";
            case ACTIVE -> " and deactivatedAt is null and joinedAt is not null";
            case DEACTIVATED -> " and deactivatedAt is not null";
        };
    }

    private static Parameters parameters(UUID clinicId) {
        return Parameters.with("clinic", clinicId);
    }
}
