package org.tandem.scheduling;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tandem.common.TandemConfig;
import org.tandem.common.web.Problems;
import org.tandem.idempotency.Idempotent;
import org.tandem.scheduling.SchedulingApi.MySessionResponse;

@Idempotent
@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Me")
@RequiredArgsConstructor
public class MySessionResource {

    private final SessionService service;
    private final CalendarService calendars;
    private final TandemConfig config;

    @GET
    @Path("sessions")
    @Operation(summary = "My upcoming sessions, soonest first",
            description = "The couple's joint sessions and intake, and my own individual sessions; never the other"
                    + " partner's individual sessions. A cancelled one stays, marked, so an app can say so.")
    @APIResponse(responseCode = "200", description = "Up to 100 sessions that have not ended")
    public List<MySessionResponse> upcoming() {
        return service.upcomingForMe();
    }

    @POST
    @Path("calendar-feed")
    @Operation(summary = "Create or rotate my calendar feed URL",
            description = "A secret URL for a calendar app, with my sessions (as GET /api/v1/me/sessions) from 30 days"
                    + " ago to 400 days ahead, named by kind only. Shown only now; any previous URL stops working,"
                    + " and so does this one if my account is revoked.")
    @APIResponse(responseCode = "200", description = "The new feed URL")
    public SchedulingApi.CalendarFeedResponse rotateCalendarFeed(@Context UriInfo uri) {
        String base = config.publicBaseUrl().orElse(uri.getBaseUri().toString());
        return calendars.rotateMine(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    }

    @GET
    @Path("calendar-feed")
    @Operation(summary = "Whether I have a calendar feed, and since when")
    @APIResponse(responseCode = "200", description = "The feed exists")
    @APIResponse(responseCode = "404", description = "No feed")
    public Map<String, Object> calendarFeed() {
        return calendars.myFeedCreatedAt().<Map<String, Object>>map(at -> Map.of("createdAt", at))
                .orElseThrow(() -> Problems.notFound("calendar feed"));
    }

    @DELETE
    @Path("calendar-feed")
    @Operation(summary = "Revoke my calendar feed URL")
    @APIResponse(responseCode = "204", description = "Revoked; the URL answers 404 from now on")
    public Response revokeCalendarFeed() {
        calendars.revokeMine();
        return Response.noContent().build();
    }
}
