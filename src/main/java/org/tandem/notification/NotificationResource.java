package org.tandem.notification;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tandem.common.web.QueryParams;

@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications", description = "Reminders and notices sent to partners, and their delivery log")
@RequiredArgsConstructor
public class NotificationResource {

    private final NotificationLog log;

    /** One message in the delivery log: what, to whom (an id), when due, how it went; never an address or text. */
    public record NotificationResponse(UUID id, NotificationKind kind, UUID sessionId, UUID coupleId,
            @Schema(description = "The partner it went to; null for a message to a therapist") UUID partnerId,
            @Schema(description = "The therapist it went to (a safety alert, the agenda, a review, a skipped"
                    + " occurrence); null for a partner's") UUID therapistId,
            @Schema(description = "The exercise assignment a homework nudge is about") UUID assignmentId,
            Instant dueAt, NotificationStatus status, int attempts,
            @Schema(description = "Why the last attempt failed or was skipped: smtp-failed, lookup-failed,"
                    + " render-failed, no-address, opted-out, quiet-hours") String lastError,
            Instant sentAt,
            @Schema(description = "EMAIL; a reminder is also the webhook event reminder.due, for a clinic's SMS or"
                    + " push service") List<String> channels) {
    }

    @GET
    @Operation(summary = "The delivery log of the clinic's messages, newest first", description = "Optionally for"
            + " one session, in one status or of one kind; at most 500.")
    @APIResponse(responseCode = "200", description = "Messages")
    @APIResponse(responseCode = "400", description = "Invalid status, kind or session id")
    public List<NotificationResponse> list(@QueryParam("sessionId") String sessionId,
            @QueryParam("status") String status, @QueryParam("kind") String kind) {
        return log.list(sessionId == null ? null : QueryParams.uuid(sessionId, "sessionId"),
                QueryParams.enumValue(NotificationStatus.class, status, "status"),
                QueryParams.enumValue(NotificationKind.class, kind, "kind"));
    }
}
