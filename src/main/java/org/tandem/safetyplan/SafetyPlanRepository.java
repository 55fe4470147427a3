package org.tandem.safetyplan;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.tandem.common.persistence.RowLock;

@ApplicationScoped
public class SafetyPlanRepository implements PanacheRepositoryBase<SafetyPlan, UUID> {

    public Optional<SafetyPlan> ofPartner(UUID partnerId) {
        return find("partnerId", partnerId).firstResultOptional();
    }

    /** The partner's plan, its row locked until the transaction ends, so two revisions get two numbers. */
    public Optional<SafetyPlan> lockOfPartner(UUID partnerId) {
        Optional<SafetyPlan> plan = ofPartner(partnerId);
        return plan.filter(p -> RowLock.lock(getEntityManager(), "safety_plan", p.getId()));
    }
}
