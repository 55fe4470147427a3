package org.tandem.therapist;

import java.util.UUID;

/** A therapist as other records name them: id and display name. */
public record TherapistRef(UUID id, String displayName) {

    /** The reference to a therapist, or null for none. */
    public static TherapistRef of(Therapist t) {
        return t == null ? null : new TherapistRef(t.getId(), t.getDisplayName());
    }
}
