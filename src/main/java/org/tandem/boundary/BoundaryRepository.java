package org.tandem.boundary;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.tandem.couple.CoupleRepository;
import org.tandem.security.AccessScope;

/** Boundaries are reached through couples the caller may see. */
@ApplicationScoped
public class BoundaryRepository implements PanacheRepositoryBase<Boundary, UUID>, BoundaryReviewReads {

    public Optional<Boundary> findForCouple(UUID coupleId, UUID id) {
        return find("id = ?1 and couple.id = ?2", id, coupleId).firstResultOptional();
    }

    public List<Boundary> forCouple(UUID coupleId, BoundaryStatus status) {
        return status == null
                ? list("couple.id", Sort.by("createdAt").and("id"), coupleId)
                : list("couple.id = ?1 and status = ?2", Sort.by("createdAt").and("id"), coupleId, status);
    }

    /** The partners' own agreements to a version, oldest first. */
    public List<BoundaryConsent> consents(UUID versionId) {
        return getEntityManager().createQuery("from BoundaryConsent c where c.version.id = :v order by c.agreedAt",
                BoundaryConsent.class).setParameter("v", versionId).getResultList();
    }

    /** The couple's active boundaries whose review falls on or before a date, soonest first. */
    @Override
    public List<Boundary> reviewsDue(UUID coupleId, LocalDate until) {
        return list("couple.id = ?1 and status = ?2 and nextReviewOn <= ?3", Sort.by("nextReviewOn").and("id"),
                coupleId, BoundaryStatus.ACTIVE, until);
    }

    /** Active boundaries whose review falls on or before a date, across every couple the scope reaches. */
    public List<Boundary> reviewsDue(AccessScope scope, LocalDate until) {
        return find("from Boundary b where b.status = :active and b.nextReviewOn <= :until and b.couple.id in"
                + " (select c.id from Couple c where " + CoupleRepository.visibility("c", scope) + ")",
                Sort.by("b.nextReviewOn").and("b.id"),
                CoupleRepository.scopeParameters(scope).and("active", BoundaryStatus.ACTIVE).and("until", until))
                .page(0, 500).list();
    }
}
