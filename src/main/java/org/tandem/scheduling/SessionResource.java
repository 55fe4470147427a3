package org.tandem.scheduling;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tandem.common.web.Created;
import org.tandem.idempotency.Idempotent;
import org.tandem.audit.AuditedRecord;
import org.tandem.common.web.PageQuery;
import org.tandem.common.web.PageResponse;
import org.tandem.common.TandemConfig;
import org.tandem.common.web.Versions;
import org.tandem.scheduling.SchedulingApi.CancelRequest;
import org.tandem.scheduling.SchedulingApi.CreateSessionRequest;
import org.tandem.scheduling.SchedulingApi.RescheduleRequest;
import org.tandem.scheduling.SchedulingApi.SessionResponse;

@Idempotent
@Path("/api/v1/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sessions", description = "Appointments: booking, lifecycle, agenda")
@AuditedRecord(SessionService.RECORD)
@RequiredArgsConstructor
public class SessionResource {

    private final SessionService service;
    private final TandemConfig config;

    @POST
    @Operation(summary = "Book a session",
            description = "start/end take an offset or the clinic's local time. The therapist must be assigned to"
                    + " the couple. Nobody is double-booked: a clash is 409 with conflictingSessionId.")
    @APIResponse(responseCode = "201", description = "Booked",
            content = @Content(schema = @Schema(implementation = SessionResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields (end before start, over 8 h, bad offset, ...)")
    @APIResponse(responseCode = "409", description = "Schedule conflict, or the couple is discharged")
    @APIResponse(responseCode = "404", description = "No such couple (in the body), or not yours")
    public Response create(@NotNull @Valid CreateSessionRequest request, @Context UriInfo uri) {
        SessionResponse created = service.create(request);
        return Created.at(uri, created.id(), created);
    }

    @GET
    @Operation(summary = "List sessions",
            description = "Sorted by start. Filters: from, to (ISO-8601 instants), status, kind, therapistId, coupleId.")
    @APIResponse(responseCode = "200", description = "A page of sessions")
    public PageResponse<SessionResponse> list(@QueryParam("page") String page, @QueryParam("size") String size,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("status") String status,
            @QueryParam("kind") String kind, @QueryParam("therapistId") String therapistId,
            @QueryParam("coupleId") String coupleId) {
        return service.list(SessionFilters.of(from, to, status, kind, therapistId, coupleId),
                PageQuery.of(page, size, config.paging()));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a session")
    @APIResponse(responseCode = "200", description = "The session; ETag carries its version")
    public SessionResponse get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @GET
    @Path("{id}.ics")
    @Produces(CalendarService.TEXT_CALENDAR)
    @Operation(summary = "Download a session as iCalendar",
            description = "Shows the couple code and the kind of session, never names or clinical detail.")
    @APIResponse(responseCode = "200", description = "text/calendar")
    public Response ics(@PathParam("id") UUID id) {
        return Response.ok(service.ics(id))
                .header("Content-Disposition", "attachment; filename=\"session-" + id + ".ics\"").build();
    }

    @POST
    @Path("{id}/reschedule")
    @Operation(summary = "Move a scheduled session",
            description = "Keeps the previous times in its history. Requires If-Match.")
    @APIResponse(responseCode = "200", description = "Moved")
    @APIResponse(responseCode = "400", description = "Invalid times")
    @APIResponse(responseCode = "409", description = "Schedule conflict, or the session is no longer scheduled")
    public SessionResponse reschedule(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid RescheduleRequest request) {
        return service.reschedule(id, Versions.fromIfMatch(ifMatch), request);
    }

    @POST
    @Path("{id}/cancel")
    @Operation(summary = "Cancel a scheduled session",
            description = "Records who cancelled and why; inside the clinic's late-cancel window it is flagged late."
                    + " Requires If-Match.")
    @APIResponse(responseCode = "200", description = "Cancelled")
    @APIResponse(responseCode = "409", description = "The session is no longer scheduled")
    public SessionResponse cancel(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid CancelRequest request) {
        return service.cancel(id, Versions.fromIfMatch(ifMatch), request);
    }

    @POST
    @Path("{id}/complete")
    @Operation(summary = "Mark a session as held",
            description = "Only once it has started. Requires If-Match.")
    @APIResponse(responseCode = "200", description = "Completed")
    @APIResponse(responseCode = "409", description = "Not scheduled, or not started yet")
    public SessionResponse complete(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.complete(id, Versions.fromIfMatch(ifMatch));
    }

    @POST
    @Path("{id}/no-show")
    @Operation(summary = "Mark a session as a no-show",
            description = "Only once it has started. Requires If-Match.")
    @APIResponse(responseCode = "200", description = "Marked")
    @APIResponse(responseCode = "409", description = "Not scheduled, or not started yet")
    public SessionResponse noShow(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.noShow(id, Versions.fromIfMatch(ifMatch));
    }
}
