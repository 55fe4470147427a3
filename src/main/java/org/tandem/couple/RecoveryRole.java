package org.tandem.couple;

/** A partner's role in the recovery: the one in recovery from the addiction, or the partner affected by it. */
public enum RecoveryRole {
    IN_RECOVERY,
    PARTNER
}
