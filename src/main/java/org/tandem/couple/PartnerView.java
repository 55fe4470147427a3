package org.tandem.couple;

import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.tandem.common.web.Problems;
import org.tandem.security.AccessPolicy;

/**
 * For whom a read of a couple's records is made: a clinician (sees everything their role allows), or one partner,
 * through the clinic's app, who never sees what the other partner keeps private. Integrations always act for one
 * partner and must say which ({@code forPartner}).
 */
@RequiredArgsConstructor
public final class PartnerView {

    private static final PartnerView CLINICIAN = new PartnerView(null);

    private final UUID partnerId;

    /** The view a request asks for with its {@code forPartner} query parameter. */
    public static PartnerView of(AccessPolicy access, Couple couple, UUID forPartner) {
        if (forPartner != null) {
            couple.findPartner(forPartner).orElseThrow(
                    () -> Problems.invalid("forPartner", "query", "is not a partner of this couple"));
            return new PartnerView(forPartner);
        }
        if (access.actsForOnePartner()) {
            throw Problems.invalid("forPartner", "query", "is required: name the partner you act for");
        }
        return CLINICIAN;
    }

    /** The partner this view is for; null for a clinician. */
    public UUID partnerId() {
        return partnerId;
    }

    /** Whether this view may see a record of {@code owner} (null: the couple's) that is private or not. */
    public boolean sees(UUID owner, boolean isPrivate) {
        return partnerId == null || owner == null || owner.equals(partnerId) || !isPrivate;
    }
}
