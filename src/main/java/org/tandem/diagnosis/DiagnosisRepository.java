package org.tandem.diagnosis;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class DiagnosisRepository implements PanacheRepositoryBase<Diagnosis, UUID> {

    /** A partner's diagnoses, oldest first. */
    public List<Diagnosis> forPartner(UUID partnerId) {
        return list("partnerId", Sort.by("createdAt").and("id"), partnerId);
    }

    public Optional<Diagnosis> findOfPartner(UUID partnerId, UUID id) {
        return find("id = ?1 and partnerId = ?2", id, partnerId).firstResultOptional();
    }

    /** A demo partner's diagnosis, recorded by "demo" (demo data only). */
    public void persistDemo(UUID clinicId, UUID coupleId, UUID partnerId, String code, LocalDate onset) {
        persist(new Diagnosis(clinicId, coupleId, partnerId, code, onset, onset, "demo"));
    }

    /** The codes a clinic may use: the starter list and its own, by code. */
    public List<DiagnosisCode> codes(UUID clinicId) {
        return getEntityManager().createQuery("from DiagnosisCode c where c.clinicId is null or c.clinicId = :clinic"
                + " order by c.code", DiagnosisCode.class).setParameter("clinic", clinicId).getResultList();
    }

    /** The entry of {@code code} in the clinic's list, if any (its own, or a starter code). */
    public Optional<DiagnosisCode> code(UUID clinicId, String code) {
        return getEntityManager().createQuery("from DiagnosisCode c where c.code = :code and (c.clinicId is null"
                + " or c.clinicId = :clinic)", DiagnosisCode.class).setParameter("code", code)
                .setParameter("clinic", clinicId).getResultStream().findFirst();
    }
}
