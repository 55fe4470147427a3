package org.tandem.scheduling;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.tandem.webhook.Outbox;
import org.tandem.webhook.WebhookEvent;

/**
 * The webhook events of sessions, for single sessions and series occurrences alike: ids, times and status, enough
 * to sync a calendar or a billing system, nothing clinical. Joins the caller's transaction (Outbox).
 */
@ApplicationScoped
@RequiredArgsConstructor
class SessionEvents {

    private final Outbox outbox;

    void publish(TherapySession s, WebhookEvent event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("sessionId", s.getId());
        data.put("coupleId", s.getCouple().getId());
        data.put("therapistId", s.getTherapist().getId());
        data.put("start", s.getStartsAt().toString());
        data.put("end", s.getEndsAt().toString());
        data.put("status", s.getStatus());
        if (s.getSeries() != null) {
            data.put("seriesId", s.getSeries().getId());
        }
        outbox.publish(s.getClinic().getId(), event, data);
    }
}
