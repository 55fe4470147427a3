package org.tandem.couple;

import java.util.UUID;

/**
 * How many safety flags of a couple no therapist has acknowledged yet. The questionnaire feature raises and
 * acknowledges flags and answers this (SafetyFlagRepository); couples and sessions only show the number.
 */
public interface OpenSafetyFlags {

    int countFor(UUID coupleId);

    /**
     * The same count as an HQL expression over {@code coupleId} (an id in the caller's query, e.g. {@code c.id}), so
     * that the hot reads (a couple, a session, their lists) get it inside their own select: one statement, not two.
     */
    String countOf(String coupleId);
}
