package org.tandem.notification;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
            @Schema(description = "When it was written (with the change that caused it, or by the planner)")
            Instant queuedAt,
            Instant dueAt, NotificationStatus status, int attempts,
            @Schema(description = "Why the last attempt failed, was skipped or withdrawn: smtp-failed, lookup-failed,"
                    + " render-failed, no-address, opted-out, quiet-hours, discharged") String lastError,
            Instant sentAt,
            @Schema(description = "The channels that handled it: EMAIL once the mail server accepted it; WEBHOOK"
                    + " once a reminder's reminder.due event was handed to the clinic's webhook subscriptions (for"
                    + " its SMS or push service). Empty while nothing has") List<DeliveryChannel> channels) {
    }

    /** One step of a message's delivery history. */
    public record DeliveryStep(Instant at, DeliveryOutcome outcome,
            @Schema(description = "The channel the step concerns; null for QUEUED and WITHDRAWN")
            DeliveryChannel channel,
            @Schema(description = "Why, as a category: smtp-failed, lookup-failed, render-failed, no-address,"
                    + " opted-out, quiet-hours, discharged, session-moved, session-cancelled, session-ended,"
                    + " reminder-times-changed; null when nothing needs saying") String reason,
            @Schema(description = "For PUBLISHED: the webhook event's id, as in the webhook deliveries")
            UUID webhookEventId) {
    }

    /** A message of the delivery log with everything that happened to it, oldest first. */
    public record NotificationHistoryResponse(NotificationResponse message, List<DeliveryStep> history) {
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

    @GET
    @Path("{id}/history")
    @Operation(summary = "One message's delivery history", description = "The message as the log shows it, and"
            + " each step since it was queued, oldest first: every e-mail attempt (sent, failed and why), a wait for"
            + " quiet hours, a skip, a withdrawal, giving up, and a reminder's webhook event. Ids and categories"
            + " only: never an address or a word of the message.")
    @APIResponse(responseCode = "200", description = "The message and its history")
    @APIResponse(responseCode = "404", description = "No such message in the clinic")
    public NotificationHistoryResponse history(@PathParam("id") UUID id) {
        return log.history(id);
    }
}
