package org.tandem.letter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.tandem.timeline.TimelineApi.TimelineEventType;
import org.tandem.timeline.TimelineApi.TimelineEvent;
import org.tandem.timeline.TimelineSource;

/** The letters on the trust timeline: the day each was shared or read aloud (drafts are not events). */
@ApplicationScoped
@RequiredArgsConstructor
class LetterTimeline implements TimelineSource {

    private final EntityManager em;

    @Override
    public List<TimelineEvent> events(UUID coupleId, LocalDate from, LocalDate to, ZoneId zone, boolean clinical) {
        List<TimelineEvent> events = new ArrayList<>();
        for (RecoveryLetter l : em.createQuery("from RecoveryLetter where coupleId = :couple and (sharedAt is not"
                + " null or readInSessionOn is not null)", RecoveryLetter.class).setParameter("couple", coupleId)
                .getResultList()) {
            if (l.getSharedAt() != null) {
                LocalDate day = LocalDate.ofInstant(l.getSharedAt(), zone);
                if (!day.isBefore(from) && !day.isAfter(to)) {
                    events.add(new TimelineEvent(day, TimelineEventType.LETTER_SHARED, l.getAuthorPartnerId(), l.getId(),
                            l.getKind().name(), null, null));
                }
            }
            LocalDate read = l.getReadInSessionOn();
            if (read != null && !read.isBefore(from) && !read.isAfter(to)) {
                events.add(new TimelineEvent(read, TimelineEventType.LETTER_READ, l.getAuthorPartnerId(), l.getId(),
                        l.getKind().name(), null, null));
            }
        }
        return events;
    }
}
