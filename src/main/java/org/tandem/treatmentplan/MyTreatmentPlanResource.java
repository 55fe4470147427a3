package org.tandem.treatmentplan;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tandem.idempotency.Idempotent;
import org.tandem.treatmentplan.TreatmentPlanApi.VersionResponse;

@Idempotent
@Path("/api/v1/me/treatment-plan")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Me")
@RequiredArgsConstructor
public class MyTreatmentPlanResource {

    private final TreatmentPlanService service;

    @GET
    @Operation(summary = "Our treatment plan in force", description = "The version our therapist signed, with who"
            + " of us has agreed to it.")
    @APIResponse(responseCode = "200", description = "The plan")
    @APIResponse(responseCode = "404", description = "No signed plan yet")
    public VersionResponse get() {
        return service.mine();
    }

    @POST
    @Path("agreement")
    @Operation(summary = "Record my agreement to the plan in force", description = "Agreeing again changes nothing.")
    @APIResponse(responseCode = "200", description = "The plan with the agreements so far")
    @APIResponse(responseCode = "409", description = "No signed plan yet")
    public VersionResponse agree() {
        return service.agree();
    }
}
