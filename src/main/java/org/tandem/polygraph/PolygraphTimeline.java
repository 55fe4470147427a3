package org.tandem.polygraph;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.tandem.timeline.TimelineApi.TimelineEventType;
import org.tandem.timeline.TimelineApi.TimelineEvent;
import org.tandem.timeline.TimelineSource;

/** Polygraph examinations on the trust timeline, with their result for a therapist. */
@ApplicationScoped
@RequiredArgsConstructor
class PolygraphTimeline implements TimelineSource {

    private final EntityManager em;
    private final PolygraphService polygraphs;

    @Override
    public List<TimelineEvent> events(UUID coupleId, LocalDate from, LocalDate to, ZoneId zone, boolean clinical) {
        Map<UUID, PolygraphOutcome> results = clinical ? polygraphs.results(coupleId) : Map.of();
        return em.createQuery("from PolygraphExam where coupleId = :couple and examinedOn between :from and :to"
                + " and enteredInError.at is null", PolygraphExam.class).setParameter("couple", coupleId).setParameter("from", from)
                .setParameter("to", to).getResultList().stream()
                .map(e -> new TimelineEvent(e.getExaminedOn(), TimelineEventType.POLYGRAPH, e.getPartnerId(), e.getId(),
                        e.getKind().name(), results.containsKey(e.getId()) ? results.get(e.getId()).name() : null,
                        null))
                .toList();
    }
}
