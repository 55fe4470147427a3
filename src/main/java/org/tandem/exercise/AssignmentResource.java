package org.tandem.exercise;

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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
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
import org.tandem.common.ErrorMarkApi.EnteredInErrorRequest;
import org.tandem.common.web.QueryParams;
import org.tandem.common.web.Versions;
import org.tandem.exercise.AssignmentApi.AdherenceResponse;
import org.tandem.exercise.AssignmentApi.AssignmentRequest;
import org.tandem.exercise.AssignmentApi.AssignmentResponse;
import org.tandem.exercise.AssignmentApi.CompletionRequest;
import org.tandem.exercise.AssignmentApi.CompletionResponse;
import org.tandem.exercise.AssignmentApi.StatusRequest;

@Idempotent
@Path("/api/v1/couples/{coupleId}/assignments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Assignments", description = "Exercises assigned to a couple, completions and adherence")
@AuditedRecord(value = "couple", idParam = "coupleId")
@RequiredArgsConstructor
public class AssignmentResource {

    private final AssignmentService service;

    @POST
    @Operation(summary = "Assign an exercise to the couple or one partner",
            description = "The exercise's current version is assigned and kept, whatever later edits do.")
    @APIResponse(responseCode = "201", description = "Assigned")
    @APIResponse(responseCode = "409", description = "The exercise is archived")
    public Response create(@PathParam("coupleId") UUID coupleId, @NotNull @Valid AssignmentRequest request) {
        AssignmentResponse created = service.create(coupleId, request);
        return Created.body(created);
    }

    @GET
    @Operation(summary = "The couple's assignments")
    @APIResponse(responseCode = "200", description = "The assignments, by start date")
    @APIResponse(responseCode = "400", description = "Invalid status")
    public List<AssignmentResponse> list(@PathParam("coupleId") UUID coupleId, @QueryParam("status") String status) {
        return service.list(coupleId, QueryParams.enumValue(AssignmentStatus.class, status, "status"));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read an assignment")
    @APIResponse(responseCode = "200", description = "The assignment; ETag carries its version")
    public AssignmentResponse get(@PathParam("coupleId") UUID coupleId, @PathParam("id") UUID id) {
        return service.get(coupleId, id);
    }

    @POST
    @Path("{id}/status")
    @Operation(summary = "Pause, resume, complete or cancel an assignment",
            description = "ACTIVE <-> PAUSED; either -> COMPLETED or CANCELLED (final). Paused days are never due."
                    + " Requires If-Match.")
    @APIResponse(responseCode = "200", description = "Changed")
    @APIResponse(responseCode = "400", description = "Unknown status")
    @APIResponse(responseCode = "409", description = "Not allowed from the current status")
    public AssignmentResponse changeStatus(@PathParam("coupleId") UUID coupleId, @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid StatusRequest request) {
        return service.changeStatus(coupleId, id, Versions.fromIfMatch(ifMatch), request.status());
    }

    @POST
    @Path("{id}/completions")
    @Operation(summary = "Log that a partner did the exercise on a day",
            description = "Idempotent: the same partner and day again answers 200 with the first completion.")
    @APIResponse(responseCode = "201", description = "Logged",
            content = @Content(schema = @Schema(implementation = CompletionResponse.class)))
    @APIResponse(responseCode = "200", description = "Already logged; nothing changed")
    @APIResponse(responseCode = "400", description = "Invalid fields (future date, outside the assignment, rating)")
    @APIResponse(responseCode = "409", description = "The assignment is cancelled")
    public Response logCompletion(@PathParam("coupleId") UUID coupleId, @PathParam("id") UUID id,
            @NotNull @Valid CompletionRequest request) {
        AssignmentService.Logged logged = service.logCompletion(coupleId, id, request);
        return Response.status(logged.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(logged.completion()).build();
    }

    @POST
    @Path("{id}/completions/{completionId}/entered-in-error")
    @Operation(summary = "Mark a completion as logged by mistake", description = "It stays in the list, marked, with the reason; adherence"
                    + " no longer counts it, and the right day can be logged. Once only.")
    @APIResponse(responseCode = "200", description = "Marked")
    @APIResponse(responseCode = "400", description = "Missing or too long reason")
    @APIResponse(responseCode = "409", description = "Marked as entered in error before")
    public CompletionResponse markEnteredInError(@PathParam("coupleId") UUID coupleId, @PathParam("id") UUID id,
            @PathParam("completionId") UUID completionId, @NotNull @Valid EnteredInErrorRequest request) {
        return service.markEnteredInError(coupleId, id, completionId, request);
    }

    @GET
    @Path("{id}/completions")
    @Operation(summary = "The completions", description = "Reflections are for the couple's therapists: admins and"
                    + " integrations see that one was written, not its text.")
    @APIResponse(responseCode = "200", description = "Completions by date")
    public List<CompletionResponse> completions(@PathParam("coupleId") UUID coupleId, @PathParam("id") UUID id) {
        return service.completions(coupleId, id);
    }

    @GET
    @Path("{id}/adherence")
    @Operation(summary = "Adherence per partner: done out of due",
            description = "Computed from the cadence, paused days and completions; from/to are dates (default: start"
                    + " to today), at most 366 days apart.")
    @APIResponse(responseCode = "200", description = "Adherence per partner")
    @APIResponse(responseCode = "400", description = "Invalid dates")
    public AdherenceResponse adherence(@PathParam("coupleId") UUID coupleId, @PathParam("id") UUID id,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        return service.adherence(coupleId, id, QueryParams.date(from, "from"), QueryParams.date(to, "to"));
    }
}
