package org.tandem.scheduling;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.tandem.couple.CoupleRepository;
import org.tandem.security.AccessScope;

/** Series, reached through the couples the caller may see. */
@ApplicationScoped
public class SeriesRepository implements PanacheRepositoryBase<SessionSeries, UUID> {

    public Optional<SessionSeries> findVisible(AccessScope scope, UUID id) {
        return find("from SessionSeries r where r.id = :id and r.couple.id in (select c.id from Couple c where "
                + CoupleRepository.visibility("c", scope) + ")", CoupleRepository.scopeParameters(scope).and("id", id))
                .firstResultOptional();
    }

    /** Open-ended series that are still running, for the horizon job. */
    public List<UUID> openEndedIds() {
        return find("select r.id from SessionSeries r where r.ended = false and r.untilDate is null"
                + " and r.occurrenceLimit is null").project(UUID.class).list();
    }

    public List<SessionSeries> runningOfCouple(UUID coupleId) {
        return list("couple.id = ?1 and ended = false", coupleId);
    }
}
