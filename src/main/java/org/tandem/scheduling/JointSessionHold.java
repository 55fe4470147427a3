package org.tandem.scheduling;

import java.util.UUID;

/**
 * Whether a couple's joint sessions are on hold: a safety screening found a concern that no therapist has cleared
 * yet. The screening feature answers it; booking refuses a new joint session (or intake) while it holds, and a
 * joint series is not extended.
 */
public interface JointSessionHold {

    boolean onHold(UUID coupleId);
}
