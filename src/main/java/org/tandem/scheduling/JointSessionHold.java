package org.tandem.scheduling;

import java.util.UUID;

/**
 * Whether a couple's sessions of a kind are on hold for safety: a screening found a concern that no therapist has
 * cleared yet (joint sessions and intakes), or the clinic requires each partner to be screened before joint work
 * and one has not been (joint sessions). The screening feature answers it; booking refuses such a session, and such
 * a series is not extended. Individual sessions are never held.
 */
public interface JointSessionHold {

    boolean onHold(UUID coupleId, SessionKind kind);
}
