package org.tandem.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.tandem.common.persistence.BinaryUuids;

/**
 * The transactional outbox. {@link #publish} joins the caller's transaction and writes the event and one delivery
 * per subscribed endpoint there: if the change rolls back, so does the event; once it commits, the deliveries
 * exist and the sender will find them, even if this replica dies the next moment.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class Outbox {

    private final EntityManager em;
    private final ObjectMapper json;

    /**
     * {@code data}: ids and minimal facts only (no names, no clinical text). Returns the event's id, or null when no
     * active endpoint of the clinic subscribes to it (then nothing is written).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(UUID clinicId, WebhookEvent event, Map<String, Object> data) {
        @SuppressWarnings("unchecked")
        List<WebhookEndpoint> endpoints = em.createQuery("from WebhookEndpoint e where e.clinicId = :clinic"
                + " and e.active = true", WebhookEndpoint.class).setParameter("clinic", clinicId).getResultList();
        List<WebhookEndpoint> subscribed = endpoints.stream().filter(e -> e.subscribes(event)).toList();
        if (subscribed.isEmpty()) {
            return null;
        }
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id.toString());
        body.put("type", event.wireName());
        body.put("occurredAt", now.toString());
        body.put("data", data);
        String payload;
        try {
            payload = json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write event " + event.wireName(), e);
        }
        em.createNativeQuery("insert into outbox_event (id, clinic_id, event_type, payload, occurred_at)"
                + " values (?1, ?2, ?3, ?4, ?5)").setParameter(1, BinaryUuids.bytes(id)).setParameter(2, BinaryUuids.bytes(clinicId))
                .setParameter(3, event.wireName()).setParameter(4, payload).setParameter(5, Timestamp.from(now))
                .executeUpdate();
        for (WebhookEndpoint endpoint : subscribed) {
            em.createNativeQuery("insert into webhook_delivery (id, event_id, endpoint_id, status, attempts,"
                    + " next_attempt_at, created_at) values (?1, ?2, ?3, 'PENDING', 0, ?4, ?4)")
                    .setParameter(1, BinaryUuids.bytes(UUID.randomUUID())).setParameter(2, BinaryUuids.bytes(id))
                    .setParameter(3, BinaryUuids.bytes(endpoint.getId())).setParameter(4, Timestamp.from(now)).executeUpdate();
        }
        return id;
    }

}
