package org.tandem.sobriety;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.tandem.common.persistence.RowLock;

@ApplicationScoped
public class SobrietyRepository implements PanacheRepositoryBase<SobrietyReset, UUID> {

    /** A partner's resets, oldest first. */
    public List<SobrietyReset> forPartner(UUID partnerId) {
        return list("partnerId", Sort.by("occurredOn").and("createdAt"), partnerId);
    }

    /** The partner's reset, its row locked until the transaction ends, so two marks cannot both apply. */
    public Optional<SobrietyReset> lockOfPartner(UUID partnerId, UUID id) {
        return RowLock.lock(getEntityManager(), "sobriety_reset", id, "partner_id", partnerId) ? findByIdOptional(id)
                : Optional.empty();
    }
}
