package org.tandem.security;

import java.util.UUID;

/**
 * Whose private entries a read shows (ratings, questionnaire responses, exercise reflections a partner keeps to
 * themselves): a clinician of the couple sees them all; a partner sees their own, the couple's and what the other
 * partner shared; a clinic-wide integration only the couple's and shared ones. Decided by who is calling
 * ({@link AccessPolicy#partnerView()}), never by a request parameter.
 */
public final class PartnerView {

    private static final PartnerView CLINICIAN = new PartnerView(false, null);
    private static final PartnerView OUTSIDER = new PartnerView(true, null);

    private final boolean limited;
    private final UUID partnerId;

    private PartnerView(boolean limited, UUID partnerId) {
        this.limited = limited;
        this.partnerId = partnerId;
    }

    static PartnerView clinician() {
        return CLINICIAN;
    }

    static PartnerView outsider() {
        return OUTSIDER;
    }

    static PartnerView partner(UUID partnerId) {
        return new PartnerView(true, partnerId);
    }

    /** The partner this view is for; null for a clinician or an integration. */
    public UUID partnerId() {
        return partnerId;
    }

    /** Whether this view may see a record of {@code owner} (null: the couple's) that is private or not. */
    public boolean sees(UUID owner, boolean isPrivate) {
        return !limited || owner == null || !isPrivate || owner.equals(partnerId);
    }

    /**
     * The same rule as an HQL condition on an entity's owner and privacy properties, or null when the view sees
     * everything. Bind {@code viewer} to {@link #partnerId()} when that is set. In the query rather than after it, so
     * a partner's app does not even learn how many rows it cannot see.
     */
    public String condition(String owner, String isPrivate) {
        if (!limited) {
            return null;
        }
        String own = partnerId == null ? "" : " or " + owner + " = :viewer";
        return "(" + owner + " is null or " + isPrivate + " = false" + own + ")";
    }
}
