package org.tandem.scheduling;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tandem.idempotency.Idempotent;
import org.tandem.audit.AuditedRecord;
import org.tandem.common.web.Problems;
import org.tandem.common.TandemConfig;

/** A therapist's own calendar feed ({@code /calendar-feed}) and the feed URLs calendar apps fetch. */
@Idempotent
@Path("/api/v1")
@Tag(name = "Calendar feed", description = "A private iCalendar feed of a therapist's sessions")
@AuditedRecord("therapist")
@RequiredArgsConstructor
public class CalendarFeedResource {

    private final CalendarService calendars;
    private final TandemConfig config;

    @POST
    @Path("calendar-feed")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or rotate your calendar feed URL",
            description = "Returns a secret URL to subscribe to; it is shown only now. Any previous URL stops working.")
    @APIResponse(responseCode = "200", description = "The new feed URL")
    public SchedulingApi.CalendarFeedResponse rotate(@Context UriInfo uri) {
        String base = config.publicBaseUrl().orElse(uri.getBaseUri().toString());
        return calendars.rotate(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    }

    @GET
    @Path("calendar-feed")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Whether you have a calendar feed, and since when")
    @APIResponse(responseCode = "200", description = "The feed exists")
    @APIResponse(responseCode = "404", description = "No feed")
    public Map<String, Object> status() {
        return calendars.feedCreatedAt().<Map<String, Object>>map(at -> Map.of("createdAt", at))
                .orElseThrow(() -> Problems.notFound("calendar feed"));
    }

    @DELETE
    @Path("calendar-feed")
    @Operation(summary = "Revoke your calendar feed URL")
    @APIResponse(responseCode = "204", description = "Revoked; the URL answers 404 from now on")
    public Response revoke() {
        calendars.revoke();
        return Response.noContent().build();
    }

    @GET
    @Path("calendar-feeds")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The clinic's calendar feeds: whose, and since when",
            description = "Never the URLs: they are shown once, to their therapist.")
    @APIResponse(responseCode = "200", description = "The feeds, oldest first")
    public List<SchedulingApi.ClinicFeedResponse> clinicFeeds() {
        return calendars.clinicFeeds();
    }

    @DELETE
    @Path("calendar-feeds/{therapistId}")
    @Operation(summary = "Revoke a therapist's calendar feed",
            description = "For someone who left, or a URL that leaked: it answers 404 from now on.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No such therapist in your clinic, or no feed")
    public Response revokeFor(@PathParam("therapistId") UUID therapistId) {
        calendars.revokeFor(therapistId);
        return Response.noContent().build();
    }

    /** Calendar apps cannot send a bearer token: the secret in the URL is the credential. */
    @GET
    @Path("calendar-feeds/{token}.ics")
    @Produces(CalendarService.TEXT_CALENDAR)
    @Operation(summary = "A therapist's or a partner's calendar feed",
            description = "Sessions from 30 days ago to 400 days ahead: a therapist's with couple codes only, a"
                    + " partner's by kind only.")
    @APIResponse(responseCode = "200", description = "text/calendar")
    @APIResponse(responseCode = "404", description = "Unknown or revoked URL")
    public String feed(@PathParam("token") String token) {
        return calendars.feed(token);
    }
}
