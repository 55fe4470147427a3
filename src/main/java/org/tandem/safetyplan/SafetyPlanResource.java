package org.tandem.safetyplan;

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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tandem.audit.AuditedRecord;
import org.tandem.common.web.Created;
import org.tandem.common.web.Versions;
import org.tandem.idempotency.Idempotent;
import org.tandem.safetyplan.SafetyPlanApi.SafetyPlanResponse;
import org.tandem.safetyplan.SafetyPlanApi.Sections;

@Idempotent
@Path("/api/v1/couples/{coupleId}/partners/{partnerId}/safety-plan")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Safety plans", description = "A partner's safety plan, versioned; the partner and their therapists only")
@AuditedRecord(value = "partner", idParam = "partnerId")
@RequiredArgsConstructor
public class SafetyPlanResource {

    private final SafetyPlanService service;

    @POST
    @Operation(summary = "Write a partner's safety plan", description = "Version 1. Usually after a safety flag;"
            + " acknowledging the flag can name the plan. Stored encrypted.")
    @APIResponse(responseCode = "201", description = "Written",
            content = @Content(schema = @Schema(implementation = SafetyPlanResponse.class)))
    @APIResponse(responseCode = "409", description = "The partner has a plan; revise it")
    public Response create(@PathParam("coupleId") UUID coupleId, @PathParam("partnerId") UUID partnerId,
            @NotNull @Valid Sections sections) {
        return Created.body(service.create(coupleId, partnerId, sections));
    }

    @GET
    @Operation(summary = "Read a partner's safety plan with every version")
    @APIResponse(responseCode = "200", description = "The plan; ETag carries its version")
    public SafetyPlanResponse get(@PathParam("coupleId") UUID coupleId, @PathParam("partnerId") UUID partnerId) {
        return service.get(coupleId, partnerId);
    }

    @PUT
    @Operation(summary = "Revise a partner's safety plan", description = "A new version with all sections; the"
            + " earlier ones stay. Requires If-Match.")
    @APIResponse(responseCode = "200", description = "Revised")
    public SafetyPlanResponse revise(@PathParam("coupleId") UUID coupleId, @PathParam("partnerId") UUID partnerId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid Sections sections) {
        return service.revise(coupleId, partnerId, Versions.fromIfMatch(ifMatch), sections);
    }
}
