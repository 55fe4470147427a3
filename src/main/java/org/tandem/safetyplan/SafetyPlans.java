package org.tandem.safetyplan;

import java.util.UUID;

/** What other features ask about safety plans: a flag acknowledged with a plan names one of the partner's. */
public interface SafetyPlans {

    /** Whether {@code planId} is the safety plan of {@code partnerId}. */
    boolean isPlanOf(UUID planId, UUID partnerId);
}
