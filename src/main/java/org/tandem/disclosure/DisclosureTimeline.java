package org.tandem.disclosure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.tandem.timeline.TimelineApi.TimelineEventType;
import org.tandem.timeline.TimelineApi.TimelineEvent;
import org.tandem.timeline.TimelineSource;

/** Discovery and disclosure days on the trust timeline. */
@ApplicationScoped
@RequiredArgsConstructor
class DisclosureTimeline implements TimelineSource {

    private final EntityManager em;

    @Override
    public List<TimelineEvent> events(UUID coupleId, LocalDate from, LocalDate to, ZoneId zone, boolean clinical) {
        List<TimelineEvent> events = new ArrayList<>();
        for (Disclosure d : em.createQuery("from Disclosure where coupleId = :couple", Disclosure.class)
                .setParameter("couple", coupleId).getResultList()) {
            if (within(d.getDiscoveredOn(), from, to)) {
                events.add(new TimelineEvent(d.getDiscoveredOn(), TimelineEventType.DISCOVERY, d.getBetrayedPartnerId(),
                        d.getId(), null, null, null));
            }
            if (within(d.getDisclosedOn(), from, to)) {
                events.add(new TimelineEvent(d.getDisclosedOn(), TimelineEventType.DISCLOSURE, d.getDisclosingPartnerId(),
                        d.getId(), null, null, null));
            }
        }
        return events;
    }

    @Override
    public Optional<LocalDate> earliest(UUID coupleId) {
        return Optional.ofNullable(em.createQuery("select min(d.discoveredOn) from Disclosure d where d.coupleId ="
                + " :couple", LocalDate.class).setParameter("couple", coupleId).getSingleResult());
    }

    private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
        return day != null && !day.isBefore(from) && !day.isAfter(to);
    }
}
