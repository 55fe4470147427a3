package org.tandem.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.tandem.audit.AuditLog;
import org.tandem.common.persistence.BinaryUuids;
import org.tandem.common.web.Problems;
import org.tandem.crypto.ClinicCipher;
import org.tandem.security.Caller;
import org.tandem.webhook.WebhookApi.DeliveryResponse;
import org.tandem.webhook.WebhookApi.EndpointRequest;
import org.tandem.webhook.WebhookApi.EndpointResponse;

/** Admins manage their clinic's webhook endpoints and see, and retry, their deliveries. */
@ApplicationScoped
@Transactional
@RequiredArgsConstructor
public class WebhookService {

    static final String RECORD = "webhook";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final EntityManager em;
    private final ClinicCipher cipher;
    private final Caller caller;
    private final AuditLog audit;
    private final WebhookTargets targets;

    public EndpointResponse register(EndpointRequest request) {
        URI url;
        try {
            url = URI.create(request.url().trim());
        } catch (IllegalArgumentException e) {
            throw Problems.invalid("url", "body", "must be an absolute https URL");
        }
        try {
            targets.check(url);
        } catch (WebhookTargets.Refused e) {
            throw Problems.invalid("url", "body", switch (e.category()) {
                case "blocked-address" -> "must point to a public address (or to a network the operator allowed)";
                case "unresolvable" -> "must have a host name that resolves";
                default -> "must be an absolute https URL with a host name, without credentials or fragment";
            });
        }
        List<WebhookEvent> events = new ArrayList<>();
        for (String name : request.events()) {
            events.add(WebhookEvent.of(name).orElseThrow(() -> Problems.invalid("events", "body",
                    "must be event names such as session.scheduled (see docs/integrations.md)")));
        }
        UUID clinicId = caller.clinicId();
        WebhookEndpoint endpoint = new WebhookEndpoint(clinicId, url.toString(), events.stream().distinct().toList(),
                caller.subject());
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String secret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        endpoint.seal(cipher.sealerFor(clinicId).seal(WebhookSender.SECRET_PURPOSE, endpoint.getId(), secret));
        em.persist(endpoint);
        em.flush();
        audit.success("webhook.register", RECORD, endpoint.getId());
        return toResponse(endpoint, secret);
    }

    public List<EndpointResponse> list() {
        List<EndpointResponse> list = em.createQuery("from WebhookEndpoint e where e.clinicId = :clinic order by"
                + " e.createdAt", WebhookEndpoint.class).setParameter("clinic", caller.clinicId()).getResultList()
                .stream().map(e -> toResponse(e, null)).toList();
        audit.success("webhook.list", RECORD, null);
        return list;
    }

    /** Stops the endpoint; what was still waiting to be sent to it is cancelled, and stays in its log. */
    public EndpointResponse deactivate(UUID id) {
        WebhookEndpoint endpoint = load(id);
        endpoint.deactivate();
        em.createNativeQuery("update webhook_delivery set status = 'CANCELLED' where endpoint_id = ?1"
                + " and status = 'PENDING'").setParameter(1, BinaryUuids.bytes(id)).executeUpdate();
        audit.success("webhook.deactivate", RECORD, id);
        return toResponse(endpoint, null);
    }

    /** The endpoint's deliveries, newest first (at most 200). */
    public List<DeliveryResponse> deliveries(UUID id) {
        load(id);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select hex(d.id), hex(d.event_id), o.event_type, d.status,"
                + " d.attempts, d.last_status, d.last_error, d.next_attempt_at, d.delivered_at, d.created_at"
                + " from webhook_delivery d join outbox_event o on o.id = d.event_id where d.endpoint_id = ?1"
                + " order by d.created_at desc limit 200").setParameter(1, BinaryUuids.bytes(id)).getResultList();
        audit.success("webhook.deliveries-read", RECORD, id);
        return rows.stream().map(r -> new DeliveryResponse(BinaryUuids.ofHex((String) r[0]), BinaryUuids.ofHex((String) r[1]), (String) r[2],
                (String) r[3], ((Number) r[4]).intValue(), r[5] == null ? null : ((Number) r[5]).intValue(),
                (String) r[6], instant(r[7]), instant(r[8]), instant(r[9]))).toList();
    }

    /** Sends a delivery again (after it died, or to replay it): back to PENDING, due now, attempts from zero. */
    public void redeliver(UUID id, UUID deliveryId) {
        if (!load(id).isActive()) {
            throw Problems.conflict("endpoint-inactive", "Endpoint Inactive",
                    "The endpoint was deactivated: it receives nothing. Register a new endpoint instead.");
        }
        int updated = em.createNativeQuery("update webhook_delivery set status = 'PENDING', attempts = 0,"
                + " next_attempt_at = ?1 where id = ?2 and endpoint_id = ?3")
                .setParameter(1, java.sql.Timestamp.from(Instant.now())).setParameter(2, BinaryUuids.bytes(deliveryId))
                .setParameter(3, BinaryUuids.bytes(id)).executeUpdate();
        if (updated == 0) {
            throw Problems.notFound("delivery");
        }
        audit.success("webhook.redeliver", "webhook-delivery", deliveryId);
    }

    private WebhookEndpoint load(UUID id) {
        WebhookEndpoint e = em.find(WebhookEndpoint.class, id);
        if (e == null || !e.getClinicId().equals(caller.clinicId())) {
            throw Problems.notFound(RECORD);
        }
        return e;
    }

    private static EndpointResponse toResponse(WebhookEndpoint e, String secret) {
        return new EndpointResponse(e.getId(), e.getUrl(), e.events(), e.isActive(), e.getCreatedAt(), secret);
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDateTime t) {
            return t.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        return (Instant) value;
    }
}
