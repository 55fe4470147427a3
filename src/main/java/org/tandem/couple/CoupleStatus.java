package org.tandem.couple;

import java.util.EnumSet;
import java.util.Set;

/** Where a couple is in their care. The allowed moves are part of the clinical workflow, not the API. */
public enum CoupleStatus {
    INTAKE,
    ACTIVE,
    PAUSED,
    DISCHARGED;

    /** Statuses this one may move to. A discharged couple that returns starts again at intake. */
    public Set<CoupleStatus> next() {
        return switch (this) {
            case INTAKE -> EnumSet.of(ACTIVE, DISCHARGED);
            case ACTIVE -> EnumSet.of(PAUSED, DISCHARGED);
            case PAUSED -> EnumSet.of(ACTIVE, DISCHARGED);
            case DISCHARGED -> EnumSet.of(INTAKE);
        };
    }
}
