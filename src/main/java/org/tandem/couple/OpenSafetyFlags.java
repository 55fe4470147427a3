package org.tandem.couple;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * How many safety flags of each couple no therapist has acknowledged yet. The questionnaire feature raises and
 * acknowledges flags and answers this (SafetyFlagRepository); couples and sessions only show the number.
 */
public interface OpenSafetyFlags {

    /** Open flags by couple id; a couple without any is left out. */
    Map<UUID, Integer> countByCouple(Collection<UUID> coupleIds);

    default int count(UUID coupleId) {
        return countByCouple(java.util.List.of(coupleId)).getOrDefault(coupleId, 0);
    }

    /**
     * The same count as an HQL expression over {@code coupleId} (an id in the caller's query, e.g. {@code c.id}), so
     * that the hot reads (a couple, a session, their lists) get it inside their own select: one statement, not two.
     */
    String countOf(String coupleId);
}
