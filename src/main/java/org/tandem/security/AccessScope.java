package org.tandem.security;

import java.util.UUID;

/**
 * What a caller may reach: always one clinic; for a therapist, only the couples assigned to them ({@code therapistId}
 * set); for a partner, only their own couple ({@code coupleId} set). Built in one place ({@link AccessPolicy#reach()})
 * and applied by the repositories' scoped queries, so no resource or service repeats an ownership check.
 */
public record AccessScope(UUID clinicId, UUID therapistId, UUID coupleId) {

    public static AccessScope wholeClinic(UUID clinicId) {
        return new AccessScope(clinicId, null, null);
    }

    public static AccessScope assignedTo(UUID clinicId, UUID therapistId) {
        return new AccessScope(clinicId, therapistId, null);
    }

    /** A partner's reach: their own couple, nothing else of the clinic. */
    public static AccessScope ownCouple(UUID clinicId, UUID coupleId) {
        return new AccessScope(clinicId, null, coupleId);
    }

    public boolean isWholeClinic() {
        return therapistId == null && coupleId == null;
    }
}
