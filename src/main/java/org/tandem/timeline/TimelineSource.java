package org.tandem.timeline;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.tandem.timeline.TimelineApi.TimelineEvent;

/**
 * A feature's events on the trust timeline. Each feature that has any (disclosures, polygraphs, letters,
 * boundaries, recovery stages) answers for its own records; the timeline merges them. Called only for a couple the
 * caller was already admitted to.
 */
public interface TimelineSource {

    /**
     * @param zone     the clinic's time zone, for events stored as instants
     * @param clinical whether the caller sees outcomes (a therapist); an admin sees that the events happened
     */
    List<TimelineEvent> events(UUID coupleId, LocalDate from, LocalDate to, ZoneId zone, boolean clinical);

    /**
     * The first day of the couple's story this source knows of, when it may come before their care started (the
     * day of discovery): the timeline's default period reaches back to it.
     */
    default Optional<LocalDate> earliest(UUID coupleId) {
        return Optional.empty();
    }
}
