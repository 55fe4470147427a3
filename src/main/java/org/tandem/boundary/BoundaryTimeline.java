package org.tandem.boundary;

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

/** Boundary agreements (each version's day) and breaks on the trust timeline; never a boundary's words. */
@ApplicationScoped
@RequiredArgsConstructor
class BoundaryTimeline implements TimelineSource {

    private final EntityManager em;

    @Override
    public List<TimelineEvent> events(UUID coupleId, LocalDate from, LocalDate to, ZoneId zone, boolean clinical) {
        List<TimelineEvent> events = new ArrayList<>();
        List<Object[]> agreed = em.createQuery("select v.boundary.id, v.number, v.agreedOn from BoundaryVersion v"
                + " where v.boundary.couple.id = :couple and v.agreedOn between :from and :to", Object[].class)
                .setParameter("couple", coupleId).setParameter("from", from).setParameter("to", to)
                .getResultList();
        for (Object[] v : agreed) {
            events.add(new TimelineEvent((LocalDate) v[2], TimelineEventType.BOUNDARY_AGREED, null, (UUID) v[0],
                    (Integer) v[1] == 1 ? "AGREED" : "RENEGOTIATED", null, null));
        }
        for (BoundaryBreak b : em.createQuery("from BoundaryBreak where coupleId = :couple and occurredOn between"
                + " :from and :to", BoundaryBreak.class).setParameter("couple", coupleId).setParameter("from", from)
                .setParameter("to", to).getResultList()) {
            events.add(new TimelineEvent(b.getOccurredOn(), TimelineEventType.BOUNDARY_BROKEN, b.getBrokenBy(),
                    b.getBoundaryId(), null, null, null));
        }
        return events;
    }
}
