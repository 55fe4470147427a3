package org.tandem.webhook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tandem.common.web.ShownOnce;

/** Request and response bodies of {@code /api/v1/webhooks}. */
public final class WebhookApi {

    private WebhookApi() {
    }

    public record EndpointRequest(
            @NotBlank @Size(max = 2000) @Schema(description = "https URL that receives POSTs") String url,
            @NotEmpty @Size(max = 20) @Schema(description = "Event names, e.g. session.scheduled") List<String> events) {
    }

    public record EndpointResponse(UUID id, String url, List<String> events, boolean active, Instant createdAt,
            @ShownOnce @Schema(description = "The signing secret: returned once, when the endpoint is created; null on"
                    + " a replay of the request") String secret) {

        @Override
        public String toString() {
            return "EndpointResponse[id=" + id + "]";
        }
    }

    public record DeliveryResponse(UUID id, UUID eventId, String eventType,
            @Schema(description = "PENDING, DELIVERED, DEAD or CANCELLED (the endpoint was deactivated)") String status,
            int attempts,
            Integer lastStatus,
            @Schema(description = "Why the last attempt failed: timeout, refused, tls, http-status, blocked-address,"
                    + " unresolvable or error") String lastError,
            Instant nextAttemptAt, Instant deliveredAt, Instant createdAt) {
    }
}
