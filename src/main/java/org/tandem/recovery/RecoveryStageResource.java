package org.tandem.recovery;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tandem.audit.AuditedRecord;
import org.tandem.common.web.Created;
import org.tandem.idempotency.Idempotent;
import org.tandem.recovery.RecoveryStageApi.StageRequest;
import org.tandem.recovery.RecoveryStageApi.StageResponse;

@Idempotent
@Path("/api/v1/couples/{coupleId}/partners/{partnerId}/recovery-stages")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Recovery stages", description = "Each partner's stage in their own recovery, over time")
@AuditedRecord(value = "partner", idParam = "partnerId")
@RequiredArgsConstructor
public class RecoveryStageResource {

    private final RecoveryStageService service;

    @POST
    @Operation(summary = "Record the partner's stage from a date on", description = "The betrayed partner's"
            + " stages are the partner-trauma model's, the partner in recovery's the stages of recovery; a stage of"
            + " the other track is a 400. Entries are never changed: a new one supersedes the last.")
    @APIResponse(responseCode = "201", description = "Recorded; Location names it",
            content = @Content(schema = @Schema(implementation = StageResponse.class)))
    public Response record(@PathParam("coupleId") UUID coupleId, @PathParam("partnerId") UUID partnerId,
            @NotNull @Valid StageRequest request, @Context UriInfo uri) {
        StageResponse created = service.record(coupleId, partnerId, request);
        return Created.at(uri, created.id(), created);
    }

    @GET
    @Operation(summary = "The partner's stages, the current one first")
    @APIResponse(responseCode = "200", description = "Every entry, newest date first")
    public List<StageResponse> list(@PathParam("coupleId") UUID coupleId, @PathParam("partnerId") UUID partnerId) {
        return service.list(coupleId, partnerId);
    }
}
