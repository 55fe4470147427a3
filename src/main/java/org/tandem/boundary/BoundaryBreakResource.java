package org.tandem.boundary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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
import org.tandem.audit.AuditedRecord;
import org.tandem.boundary.BoundaryApi.BoundaryBreakRequest;
import org.tandem.boundary.BoundaryApi.BoundaryBreakResponse;
import org.tandem.idempotency.Idempotent;

@Idempotent
@Path("/api/v1/couples") // with the couple's own resource, so no class path shadows GET /couples/{id}
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Boundaries")
@AuditedRecord(value = "couple", idParam = "coupleId")
@RequiredArgsConstructor
public class BoundaryBreakResource {

    private final BoundaryBreakService service;

    @POST
    @Path("{coupleId}/boundaries/{boundaryId}/breaks")
    @Operation(summary = "Record that a partner broke the boundary", description = "A day and a partner; no free"
            + " text (what happened belongs in the session note).")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = BoundaryBreakResponse.class)))
    public Response record(@PathParam("coupleId") UUID coupleId, @PathParam("boundaryId") UUID boundaryId,
            @NotNull @Valid BoundaryBreakRequest request) {
        return Response.status(Response.Status.CREATED).entity(service.record(coupleId, boundaryId, request))
                .build();
    }

    @GET
    @Path("{coupleId}/boundary-breaks")
    @Operation(summary = "The couple's boundary breaks, newest first")
    @APIResponse(responseCode = "200", description = "Breaks")
    public List<BoundaryBreakResponse> list(@PathParam("coupleId") UUID coupleId) {
        return service.list(coupleId);
    }
}
