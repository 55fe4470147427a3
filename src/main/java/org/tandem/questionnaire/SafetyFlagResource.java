package org.tandem.questionnaire;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tandem.idempotency.Idempotent;
import org.tandem.audit.AuditedRecord;
import org.tandem.common.web.Problems;
import org.tandem.questionnaire.QuestionnaireApi.RaiseRequest;
import org.tandem.questionnaire.QuestionnaireApi.SafetyFlagResponse;
import org.tandem.common.web.Created;
import org.tandem.common.web.QueryParams;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.Response;

@Idempotent
@Path("/api/v1/couples/{coupleId}/safety-flags")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Questionnaires")
@AuditedRecord(value = "couple", idParam = "coupleId")
@RequiredArgsConstructor
public class SafetyFlagResource {

    private final QuestionnaireService service;

    @GET
    @Operation(summary = "The couple's safety flags, newest first",
            description = "status: OPEN or ACKNOWLEDGED; default both.")
    @APIResponse(responseCode = "200", description = "Flags")
    @APIResponse(responseCode = "400", description = "Unknown status")
    public List<SafetyFlagResponse> forCouple(@PathParam("coupleId") UUID coupleId,
            @QueryParam("status") String status) {
        Boolean open = null;
        if (status != null) {
            open = switch (status) {
                case "OPEN" -> true;
                case "ACKNOWLEDGED" -> false;
                default -> throw Problems.invalid("status", "query", "must be OPEN or ACKNOWLEDGED");
            };
        }
        return service.flags(coupleId, open);
    }

    @POST
    @Path("{id}/acknowledge")
    @Operation(summary = "Acknowledge a safety flag: the risk was assessed",
            description = "Takes it off the agenda; who and when are kept. safetyPlanId names the partner's safety"
                    + " plan made or reviewed for it.")
    @APIResponse(responseCode = "200", description = "Acknowledged")
    @APIResponse(responseCode = "409", description = "Already acknowledged")
    public SafetyFlagResponse acknowledge(@PathParam("coupleId") UUID coupleId, @PathParam("id") UUID id,
            @QueryParam("safetyPlanId") String safetyPlanId) {
        return service.acknowledge(coupleId, id,
                safetyPlanId == null ? null : QueryParams.uuid(safetyPlanId, "safetyPlanId"));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Raise a safety flag of my own", description = "For a concern the therapist has, not from a"
            + " questionnaire: it goes on the agenda like any other flag, reason therapist-concern.")
    @APIResponse(responseCode = "201", description = "Raised",
            content = @Content(schema = @Schema(implementation = SafetyFlagResponse.class)))
    public Response raise(@PathParam("coupleId") UUID coupleId, @NotNull @Valid RaiseRequest request) {
        return Created.body(service.raise(coupleId, request.partnerId()));
    }
}
