package org.tandem.treatmentplan;

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
import org.tandem.treatmentplan.TreatmentPlanApi.PlanRequest;
import org.tandem.treatmentplan.TreatmentPlanApi.PlanResponse;

@Idempotent
@Path("/api/v1/couples/{coupleId}/treatment-plan")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Treatment plans", description = "Problems, goals, measurable objectives and interventions, versioned"
        + " and signed")
@AuditedRecord(value = "couple", idParam = "coupleId")
@RequiredArgsConstructor
public class TreatmentPlanResource {

    private final TreatmentPlanService service;

    @POST
    @Operation(summary = "Write the couple's treatment plan", description = "Version 1, a draft until a therapist"
            + " signs it. An objective's measure ties it to a metric or instrument with a target; the progress"
            + " summary and the report show it against what was measured. Stored encrypted.")
    @APIResponse(responseCode = "201", description = "Written",
            content = @Content(schema = @Schema(implementation = PlanResponse.class)))
    @APIResponse(responseCode = "409", description = "The couple has a plan; change it")
    public Response create(@PathParam("coupleId") UUID coupleId, @NotNull @Valid PlanRequest request) {
        return Created.body(service.create(coupleId, request));
    }

    @GET
    @Operation(summary = "Read the couple's treatment plan with every version", description = "Its words for the"
            + " couple's therapists; an admin sees the versions, their status and review dates.")
    @APIResponse(responseCode = "200", description = "The plan; ETag carries its version")
    public PlanResponse get(@PathParam("coupleId") UUID coupleId) {
        return service.get(coupleId);
    }

    @PUT
    @Operation(summary = "Change the plan", description = "Changes the draft; after a signature it starts a new"
            + " draft and the signed version stays in force until that is signed. Requires If-Match.")
    @APIResponse(responseCode = "200", description = "Changed")
    public PlanResponse change(@PathParam("coupleId") UUID coupleId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid PlanRequest request) {
        return service.change(coupleId, Versions.fromIfMatch(ifMatch), request);
    }

    @POST
    @Path("sign")
    @Operation(summary = "Sign the draft", description = "Locks it and puts it in force; the version signed before"
            + " is superseded. The partners can then agree to it. Requires If-Match.")
    @APIResponse(responseCode = "200", description = "Signed")
    @APIResponse(responseCode = "409", description = "No draft to sign")
    public PlanResponse sign(@PathParam("coupleId") UUID coupleId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.sign(coupleId, Versions.fromIfMatch(ifMatch));
    }
}
