package org.tandem.consent;

import org.tandem.couple.Couple;

/**
 * The consents a clinic requires before a couple's first session is completed or noted. Scheduling and notes ask
 * it when the session at hand would be the couple's first completed one.
 */
public interface FirstSessionConsents {

    /** @throws io.quarkiverse.resteasy.problem.HttpProblem 409 consents-missing, naming each missing consent */
    void require(Couple couple);
}
