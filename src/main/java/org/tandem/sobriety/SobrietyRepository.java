package org.tandem.sobriety;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SobrietyRepository implements PanacheRepositoryBase<SobrietyReset, UUID> {

    /** A partner's resets, oldest first. */
    public List<SobrietyReset> forPartner(UUID partnerId) {
        return list("partnerId", Sort.by("occurredOn").and("createdAt"), partnerId);
    }
}
