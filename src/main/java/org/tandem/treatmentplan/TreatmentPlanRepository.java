package org.tandem.treatmentplan;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.tandem.common.persistence.RowLock;
import org.tandem.couple.CoupleRepository;
import org.tandem.security.AccessScope;

@ApplicationScoped
public class TreatmentPlanRepository implements PanacheRepositoryBase<TreatmentPlan, UUID> {

    public Optional<TreatmentPlan> ofCouple(UUID coupleId) {
        return find("coupleId", coupleId).firstResultOptional();
    }

    /** The couple's plan, its row locked until the transaction ends: changes and signatures serialize. */
    public Optional<TreatmentPlan> lockOfCouple(UUID coupleId) {
        return ofCouple(coupleId).filter(p -> RowLock.lock(getEntityManager(), "treatment_plan", p.getId()));
    }

    /** Plans of the couples the scope reaches whose review is due by {@code until}, soonest first. */
    public List<TreatmentPlan> reviewsDue(AccessScope scope, LocalDate until) {
        return find("from TreatmentPlan p where p.reviewOn <= :until and p.coupleId in (select c.id from Couple c"
                + " where " + CoupleRepository.visibility("c", scope) + ")", Sort.by("p.reviewOn").and("p.id"),
                CoupleRepository.scopeParameters(scope).and("until", until)).page(0, 500).list();
    }

    public List<TreatmentPlanAgreement> agreements(UUID versionId) {
        return getEntityManager().createQuery("from TreatmentPlanAgreement a where a.versionId = :v"
                + " order by a.agreedAt", TreatmentPlanAgreement.class).setParameter("v", versionId).getResultList();
    }

    void persist(TreatmentPlanAgreement agreement) {
        getEntityManager().persist(agreement);
    }
}
