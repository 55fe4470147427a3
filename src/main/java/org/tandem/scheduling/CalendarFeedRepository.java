package org.tandem.scheduling;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CalendarFeedRepository implements PanacheRepositoryBase<CalendarFeed, UUID> {

    public Optional<CalendarFeed> findByTokenHash(String hash) {
        return find("tokenHash", hash).firstResultOptional();
    }

    public Optional<PartnerCalendarFeed> partnerFeed(UUID partnerId) {
        return Optional.ofNullable(getEntityManager().find(PartnerCalendarFeed.class, partnerId));
    }

    public Optional<PartnerCalendarFeed> partnerFeedByTokenHash(String hash) {
        return getEntityManager().createQuery("from PartnerCalendarFeed f where f.tokenHash = :h",
                PartnerCalendarFeed.class).setParameter("h", hash).getResultStream().findFirst();
    }
}
