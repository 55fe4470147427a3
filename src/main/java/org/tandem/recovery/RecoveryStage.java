package org.tandem.recovery;

import org.tandem.couple.RecoveryRole;

/**
 * Where a partner is in their own recovery. The betrayed partner ({@link RecoveryRole#PARTNER}) moves through the
 * stages of the multidimensional partner-trauma model; the partner in recovery ({@link RecoveryRole#IN_RECOVERY})
 * through the stages of recovery from sex addiction. A stage belongs to one of the two.
 */
public enum RecoveryStage {
    SAFETY_AND_STABILISATION(RecoveryRole.PARTNER),
    REMEMBRANCE_AND_MOURNING(RecoveryRole.PARTNER),
    RECONNECTION(RecoveryRole.PARTNER),
    DEVELOPING(RecoveryRole.IN_RECOVERY),
    CRISIS_AND_DECISION(RecoveryRole.IN_RECOVERY),
    SHOCK(RecoveryRole.IN_RECOVERY),
    GRIEF(RecoveryRole.IN_RECOVERY),
    REPAIR(RecoveryRole.IN_RECOVERY),
    GROWTH(RecoveryRole.IN_RECOVERY);

    private final RecoveryRole role;

    RecoveryStage(RecoveryRole role) {
        this.role = role;
    }

    /** Whose stage it is. */
    public RecoveryRole role() {
        return role;
    }
}
