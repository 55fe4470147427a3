package org.tandem.measurement;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import lombok.RequiredArgsConstructor;
import org.tandem.common.web.Problems;
import org.tandem.partner.MeService;
import org.tandem.partner.ShareChoice;
import org.tandem.security.AccessPolicy;
import org.tandem.security.PartnerBindings;

/**
 * The calling partner shares an observation about themselves (a rating, a questionnaire response) with the other
 * partner, or takes it back. One rule for both kinds: the row is the couple's, locked; it must be about the caller
 * (anyone else's, or the couple's, is 404); the choice is recorded.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class ObservationSharing {

    private final AccessPolicy access;
    private final MeService choices;

    /** @param lockOfCouple the feature's repository method: the couple's row with that id, locked */
    public <T extends Observation> MeService.SharingResponse share(ShareChoice.Kind kind, String record, UUID id,
            boolean shared, BiFunction<UUID, UUID, Optional<T>> lockOfCouple) {
        PartnerBindings.Bound me = access.me();
        T observation = lockOfCouple.apply(me.coupleId(), id)
                .filter(found -> me.partnerId().equals(found.getPartnerId()))
                .orElseThrow(() -> Problems.notFound(record));
        observation.share(shared);
        return choices.recordChoice(kind, id, shared);
    }
}
