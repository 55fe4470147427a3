package org.tandem.safetyplan;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tandem.safetyplan.SafetyPlanApi.SafetyPlanResponse;

@Path("/api/v1/me/safety-plan")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Me")
@RequiredArgsConstructor
public class MySafetyPlanResource {

    private final SafetyPlanService service;

    @GET
    @Operation(summary = "My safety plan", description = "Its current version, as my therapist and I wrote it.")
    @APIResponse(responseCode = "200", description = "The plan")
    @APIResponse(responseCode = "404", description = "I have no safety plan")
    public SafetyPlanResponse get() {
        return service.mine();
    }
}
