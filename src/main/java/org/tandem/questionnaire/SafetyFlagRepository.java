package org.tandem.questionnaire;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.tandem.couple.CoupleRepository;
import org.tandem.couple.OpenSafetyFlags;
import org.tandem.security.AccessScope;

@ApplicationScoped
public class SafetyFlagRepository implements PanacheRepositoryBase<SafetyFlag, UUID>, OpenSafetyFlags {

    private static final Sort NEWEST_FIRST = Sort.by("raisedAt", Sort.Direction.Descending).and("id");

    public Optional<SafetyFlag> findForCouple(UUID coupleId, UUID id) {
        return find("coupleId = ?1 and id = ?2", coupleId, id).firstResultOptional();
    }

    /** The couple's flags: open ones (open true), acknowledged ones (false) or all (null). */
    public List<SafetyFlag> forCouple(UUID coupleId, Boolean open) {
        String status = open == null ? "" : open ? " and acknowledgedAt is null" : " and acknowledgedAt is not null";
        return find("coupleId = ?1" + status, NEWEST_FIRST, coupleId).page(0, 500).list();
    }

    /** Open flags, and those raised since {@code since}, of one couple: what a progress summary shows. */
    public List<SafetyFlag> openOrRaisedSince(UUID coupleId, Instant since) {
        return list("coupleId = ?1 and (acknowledgedAt is null or raisedAt >= ?2)", NEWEST_FIRST, coupleId, since);
    }

    @Override
    public int countFor(UUID coupleId) {
        return (int) count("coupleId = ?1 and acknowledgedAt is null", coupleId);
    }

    @Override
    public String countOf(String coupleId) {
        return "(select count(*) from SafetyFlag osf where osf.coupleId = " + coupleId + " and osf.acknowledgedAt is null)";
    }

    /** Open flags across every couple the scope reaches: the agenda. */
    public List<SafetyFlag> openIn(AccessScope scope) {
        return find("acknowledgedAt is null and coupleId in (select c.id from Couple c where "
                + CoupleRepository.visibility("c", scope) + ")", NEWEST_FIRST, CoupleRepository.scopeParameters(scope))
                .page(0, 500).list();
    }
}
