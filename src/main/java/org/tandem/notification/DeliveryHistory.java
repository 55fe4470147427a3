package org.tandem.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.tandem.common.persistence.BinaryUuids;

/**
 * Each message's delivery history (table {@code notification_delivery}): what happened to it after it was queued,
 * written in the transaction that changes its status, so the history and the status never disagree. Ids and
 * categories only.
 */
@ApplicationScoped
@RequiredArgsConstructor
class DeliveryHistory {

    private final EntityManager em;

    /** One step of one message, in the caller's transaction. */
    void record(UUID notification, DeliveryChannel channel, DeliveryOutcome outcome, String reason, UUID webhookEvent) {
        em.createNativeQuery("insert into notification_delivery (notification_id, happened_at, channel, outcome,"
                + " reason, webhook_event_id) values (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, BinaryUuids.bytes(notification)).setParameter(2, Timestamp.from(Instant.now()))
                .setParameter(3, channel == null ? null : channel.name()).setParameter(4, outcome.name())
                .setParameter(5, reason).setParameter(6, webhookEvent == null ? null : BinaryUuids.bytes(webhookEvent))
                .executeUpdate();
    }

    /** Whether the message's {@code reminder.due} event was handed to the clinic's webhooks already. */
    boolean published(UUID notification) {
        return !em.createNativeQuery("select 1 from notification_delivery where notification_id = ?1"
                + " and outcome = 'PUBLISHED'").setParameter(1, BinaryUuids.bytes(notification)).setMaxResults(1)
                .getResultList().isEmpty();
    }

    /**
     * Withdraws a session's pending reminders (one partner's, or every partner's when {@code partner} is null) in
     * the caller's transaction, with a step saying why in each one's history.
     */
    void withdrawReminders(UUID session, UUID partner, String reason, Instant now) {
        String which = " where session_id = :session and status = 'PENDING' and kind = 'SESSION_REMINDER'"
                + (partner == null ? "" : " and partner_id = :partner");
        var history = em.createNativeQuery("insert into notification_delivery (notification_id, happened_at,"
                + " outcome, reason) select id, :now, 'WITHDRAWN', :reason from notification" + which)
                .setParameter("reason", reason);
        var status = em.createNativeQuery("update notification set status = 'WITHDRAWN', updated_at = :now" + which);
        for (var statement : java.util.List.of(history, status)) {
            statement.setParameter("now", Timestamp.from(now)).setParameter("session", BinaryUuids.bytes(session));
            if (partner != null) {
                statement.setParameter("partner", BinaryUuids.bytes(partner));
            }
            statement.executeUpdate();
        }
    }
}
