package org.tandem.screening;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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
import org.tandem.screening.ScreeningApi.ScreeningClearanceRequest;
import org.tandem.screening.ScreeningApi.CoupleScreenings;
import org.tandem.screening.ScreeningApi.ScreeningRequest;
import org.tandem.screening.ScreeningApi.ScreeningResponse;

@Idempotent
@Path("/api/v1/couples") // with the couple's own resource, so no class path shadows GET /couples/{id}
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Safety screening", description = "Intimate-partner-violence screening before joint work")
@AuditedRecord(ScreeningService.RECORD)
@RequiredArgsConstructor
public class ScreeningResource {

    private final ScreeningService service;

    @POST
    @Path("{coupleId}/partners/{partnerId}/ipv-screenings")
    @Operation(summary = "Record a partner's screening", description = "A CONCERN puts the couple's joint sessions"
            + " on hold (new joint sessions and intakes are refused with 409) until a therapist clears it.")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = ScreeningResponse.class)))
    public Response record(@PathParam("coupleId") UUID coupleId, @PathParam("partnerId") UUID partnerId,
            @NotNull @Valid ScreeningRequest request) {
        return Response.status(Response.Status.CREATED).entity(service.record(coupleId, partnerId, request)).build();
    }

    @GET
    @Path("{coupleId}/ipv-screenings")
    @Operation(summary = "The couple's screenings, and whether joint sessions are on hold")
    @APIResponse(responseCode = "200", description = "Screenings, newest first")
    public CoupleScreenings list(@PathParam("coupleId") UUID coupleId) {
        return service.list(coupleId);
    }

    @POST
    @Path("{coupleId}/ipv-screenings/{id}/clearance")
    @Operation(summary = "Clear a concern", description = "The therapist judged joint work safe again. Requires"
            + " If-Match with the screening's version.")
    @APIResponse(responseCode = "200", description = "Cleared")
    public ScreeningResponse clear(@PathParam("coupleId") UUID coupleId, @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid ScreeningClearanceRequest request) {
        return service.clear(coupleId, id, Versions.fromIfMatch(ifMatch), request.clearedOn());
    }
}
