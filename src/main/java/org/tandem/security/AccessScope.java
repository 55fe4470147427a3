package org.tandem.security;

import java.util.UUID;

/**
 * What a caller may reach: always one clinic; for a therapist, only the couples assigned to them
 * ({@code therapistId} set). Built in one place ({@link AccessPolicy#reach()}) and applied by the repositories' scoped
 * queries, so no resource or service repeats an ownership check.
 */
public record AccessScope(UUID clinicId, UUID therapistId) {

    public static AccessScope wholeClinic(UUID clinicId) {
        return new AccessScope(clinicId, null);
    }

    public static AccessScope assignedTo(UUID clinicId, UUID therapistId) {
        return new AccessScope(clinicId, therapistId);
    }

    public boolean isWholeClinic() {
        return therapistId == null;
    }
}
