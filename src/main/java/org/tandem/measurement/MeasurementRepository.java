package org.tandem.measurement;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.tandem.common.web.PageQuery;
import org.tandem.common.persistence.RowLock;
import org.tandem.security.PartnerView;

@ApplicationScoped
public class MeasurementRepository implements PanacheRepositoryBase<Measurement, UUID> {

    /** Filters of a list; null fields do not filter. */
    public record Filter(String metric, UUID partnerId, LocalDate from, LocalDate to, boolean withEnteredInError) {
    }

    /** What every read that counts values adds: a value marked as entered in error counts nowhere. */
    static final String COUNTS = "enteredInError.at is null";

    private static final Sort ORDER = Sort.by("measuredOn").and("createdAt").and("id");

    public PanacheQuery<Measurement> search(UUID coupleId, Filter filter, PartnerView view, PageQuery page) {
        StringBuilder where = new StringBuilder("coupleId = :couple");
        Parameters params = Parameters.with("couple", coupleId);
        if (!filter.withEnteredInError()) {
            where.append(" and ").append(COUNTS);
        }
        if (filter.metric() != null) {
            where.append(" and metricKey = :metric");
            params.and("metric", filter.metric());
        }
        if (filter.partnerId() != null) {
            where.append(" and partnerId = :partner");
            params.and("partner", filter.partnerId());
        }
        if (filter.from() != null) {
            where.append(" and measuredOn >= :from");
            params.and("from", filter.from());
        }
        if (filter.to() != null) {
            where.append(" and measuredOn <= :to");
            params.and("to", filter.to());
        }
        String visible = view.condition("partnerId", "privateToPartner");
        if (visible != null) {
            where.append(" and ").append(visible);
        }
        if (view.partnerId() != null) {
            params.and("viewer", view.partnerId());
        }
        return find(where.toString(), ORDER, params).page(Page.of(page.page(), page.size()));
    }

    /** The couple's ratings in [from, to] as flat rows, oldest first (as {@link #ORDER}), for the progress summary. */
    public List<RatingReads.Rating> ratingsInPeriod(UUID coupleId, LocalDate from, LocalDate to) {
        return getSession().createSelectionQuery("select m.partnerId, m.metricKey, m.source, m.measuredOn, m.value"
                + " from Measurement m where m.coupleId = :couple and m.measuredOn >= :from and m.measuredOn <= :to"
                + " and m." + COUNTS + " order by m.measuredOn, m.createdAt, m.id", RatingReads.Rating.class)
                .setParameter("couple", coupleId).setParameter("from", from).setParameter("to", to).getResultList();
    }

    /** The couple's measurement, its row locked until the transaction ends, so two marks cannot both apply. */
    public Optional<Measurement> lockOfCouple(UUID coupleId, UUID id) {
        return RowLock.lock(getEntityManager(), "measurement", id, "couple_id", coupleId) ? findByIdOptional(id)
                : Optional.empty();
    }
}
