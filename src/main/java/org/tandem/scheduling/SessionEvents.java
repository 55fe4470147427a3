package org.tandem.scheduling;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import java.util.List;
import java.util.UUID;
import org.tandem.couple.Partner;
import org.tandem.notification.Notifications;
import org.tandem.notification.SessionNotice;
import org.tandem.webhook.Outbox;
import org.tandem.webhook.WebhookEvent;

/**
 * The webhook events of sessions, for single sessions and series occurrences alike: ids, times and status, enough
 * to sync a calendar or a billing system, nothing clinical; and the partners' notices and reminders. Joins the
 * caller's transaction (Outbox, Notifications).
 */
@ApplicationScoped
@RequiredArgsConstructor
class SessionEvents {

    private final Outbox outbox;
    private final Notifications notifications;

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
        SessionNotice.Change change = switch (event) {
            case SESSION_SCHEDULED -> SessionNotice.Change.SCHEDULED;
            case SESSION_RESCHEDULED -> SessionNotice.Change.MOVED;
            case SESSION_CANCELLED -> SessionNotice.Change.CANCELLED;
            default -> SessionNotice.Change.ENDED;
        };
        List<UUID> partners = s.getPartner() != null ? List.of(s.getPartner().getId())
                : s.getCouple().getPartners().stream().map(Partner::getId).toList();
        notifications.session(new SessionNotice(s.getClinic().getId(), s.getCouple().getId(), s.getId(), partners,
                s.getStartsAt(), s.getClinic().getTimeZone(), change));
    }
}
