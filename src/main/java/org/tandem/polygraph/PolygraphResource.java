package org.tandem.polygraph;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tandem.audit.AuditedRecord;
import org.tandem.common.web.Versions;
import org.tandem.idempotency.Idempotent;
import org.tandem.polygraph.PolygraphApi.CouplePolygraphs;
import org.tandem.polygraph.PolygraphApi.PolygraphExamRequest;
import org.tandem.polygraph.PolygraphApi.PolygraphExamResponse;
import org.tandem.polygraph.PolygraphApi.PolygraphScheduleRequest;
import org.tandem.polygraph.PolygraphApi.PolygraphScheduleResponse;
import org.tandem.common.ErrorMarkApi.EnteredInErrorRequest;

@Idempotent
@Path("/api/v1/couples") // with the couple's own resource, so no class path shadows GET /couples/{id}
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Polygraph", description = "Polygraph examinations of the partner in recovery, and their schedule")
@AuditedRecord(value = "couple", idParam = "coupleId")
@RequiredArgsConstructor
public class PolygraphResource {

    private final PolygraphService service;

    @POST
    @Path("{coupleId}/polygraphs")
    @Operation(summary = "Record an examination", description = "The partner IN_RECOVERY is examined; 1 to 20"
            + " questions, each with the examiner's outcome. Never changed afterwards.")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = PolygraphExamResponse.class)))
    public Response record(@PathParam("coupleId") UUID coupleId, @NotNull @Valid PolygraphExamRequest request) {
        return Response.status(Response.Status.CREATED).entity(service.record(coupleId, request)).build();
    }

    @POST
    @Path("{coupleId}/polygraphs/{id}/entered-in-error")
    @Operation(summary = "Mark an examination as entered in error", description = "For an examination recorded by"
            + " mistake (the wrong outcome, the wrong day). It is kept as recorded, with the reason, and from then"
            + " on counts nowhere: not in the schedule, not on the trust timeline. Once only; record the right"
            + " examination as a new one.")
    @APIResponse(responseCode = "200", description = "Marked")
    @APIResponse(responseCode = "409", description = "Marked as entered in error before")
    public PolygraphExamResponse markEnteredInError(@PathParam("coupleId") UUID coupleId, @PathParam("id") UUID id,
            @NotNull @Valid EnteredInErrorRequest request) {
        return service.markEnteredInError(coupleId, id, request);
    }

    @GET
    @Path("{coupleId}/polygraphs")
    @Operation(summary = "The couple's examinations, newest first, and the maintenance schedule")
    @APIResponse(responseCode = "200", description = "Examinations")
    public CouplePolygraphs list(@PathParam("coupleId") UUID coupleId) {
        return service.list(coupleId);
    }

    @PUT
    @Path("{coupleId}/polygraph-schedule")
    @Operation(summary = "Set how often maintenance examinations are due", description = "Requires If-Match: 0"
            + " the first time, then the schedule's version.")
    @APIResponse(responseCode = "200", description = "The schedule, with the next examination due")
    public PolygraphScheduleResponse schedule(@PathParam("coupleId") UUID coupleId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid PolygraphScheduleRequest request) {
        return service.setSchedule(coupleId, Versions.fromIfMatch(ifMatch), request.everyMonths());
    }
}
