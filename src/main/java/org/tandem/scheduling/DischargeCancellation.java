package org.tandem.scheduling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.tandem.crypto.ClinicCipher;
import org.tandem.audit.AuditLog;
import org.tandem.common.persistence.LockOrder;
import org.tandem.couple.CoupleDischarging;
import org.tandem.webhook.WebhookEvent;

/**
 * A discharge ends the couple's care, so it ends their schedule too: every session that has not started yet is
 * cancelled by the clinic, and their series end, so the hourly horizon job books nothing more. Sessions that have
 * started stay for the therapist to complete or mark as a no-show. All of it in the discharge's transaction.
 */
@ApplicationScoped
@RequiredArgsConstructor
class DischargeCancellation {

    /** Fixed text: the reason a client gave for a cancellation is theirs, this one is the system's. */
    static final String REASON = "Couple discharged";

    private final SeriesRepository series;
    private final SessionRepository sessions;
    private final LockOrder locks;
    private final SessionEvents events;
    private final AuditLog audit;
    private final ClinicCipher cipher;

    void onDischarge(@Observes CoupleDischarging discharge) {
        UUID coupleId = discharge.coupleId();
        // With the couple locked, a booking that raced the discharge has either committed, and is cancelled below,
        // or waits and then finds the couple discharged.
        locks.runningSeriesOf(coupleId);
        locks.couple(coupleId);
        Instant now = Instant.now();
        Map<UUID, Integer> firstCancelled = new HashMap<>();
        ClinicCipher.Sealer sealer = null;
        for (TherapySession session : sessions.scheduledOfCoupleAfter(coupleId, now)) {
            if (sealer == null) {
                sealer = cipher.sealerFor(session.getClinic().getId());
            }
            // Never a late cancellation: the couple did not cancel, and no late-cancel rule applies to them.
            session.cancel(CancelledBy.CLINIC, REASON, sealer, now, Duration.ZERO);
            events.publish(session, WebhookEvent.SESSION_CANCELLED);
            audit.success("session.cancel", SessionService.RECORD, session.getId());
            if (session.getSeries() != null) {
                firstCancelled.merge(session.getSeries().getId(), session.getSeriesIndex(), Math::min);
            }
        }
        for (SessionSeries running : series.runningOfCouple(coupleId)) {
            running.endBefore(firstCancelled.getOrDefault(running.getId(), running.getNextIndex()));
            audit.success("session-series.cancel-following", SeriesService.RECORD, running.getId());
        }
    }
}
