package org.tandem.recovery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.tandem.timeline.TimelineApi.TimelineEventType;
import org.tandem.timeline.TimelineApi.TimelineEvent;
import org.tandem.timeline.TimelineSource;

/** Each recorded recovery stage on the trust timeline, from its date. */
@ApplicationScoped
@RequiredArgsConstructor
class RecoveryStageTimeline implements TimelineSource {

    private final EntityManager em;

    @Override
    public List<TimelineEvent> events(UUID coupleId, LocalDate from, LocalDate to, ZoneId zone, boolean clinical) {
        return em.createQuery("from RecoveryStageEntry where coupleId = :couple and since between :from and :to",
                RecoveryStageEntry.class).setParameter("couple", coupleId).setParameter("from", from)
                .setParameter("to", to).getResultList().stream()
                .map(e -> new TimelineEvent(e.getSince(), TimelineEventType.RECOVERY_STAGE, e.getPartnerId(), e.getId(),
                        e.getStage().name(), null, null))
                .toList();
    }
}
