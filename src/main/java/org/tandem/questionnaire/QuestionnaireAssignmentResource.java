package org.tandem.questionnaire;

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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tandem.audit.AuditedRecord;
import org.tandem.common.web.Created;
import org.tandem.idempotency.Idempotent;
import org.tandem.questionnaire.QuestionnaireApi.AssignRequest;
import org.tandem.questionnaire.QuestionnaireApi.AssignmentResponse;
import org.tandem.questionnaire.QuestionnaireApi.ComparisonResponse;

@Idempotent
@Path("/api/v1/couples/{coupleId}/questionnaire-assignments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Questionnaires", description = "Validated instruments, scored")
@AuditedRecord(value = "couple", idParam = "coupleId")
@RequiredArgsConstructor
public class QuestionnaireAssignmentResource {

    private final AssessmentService service;

    @POST
    @Operation(summary = "Ask one partner, or both, to fill in a questionnaire in their own app",
            description = "Each partner answers alone; their answers are private to them and the couple's therapists"
                    + " until they share them.")
    @APIResponse(responseCode = "201", description = "Assigned")
    @APIResponse(responseCode = "422", description = "Unknown instrument, or not a partner of the couple")
    public Response assign(@PathParam("coupleId") UUID coupleId, @NotNull @Valid AssignRequest request) {
        return Created.body(service.assign(coupleId, request));
    }

    @GET
    @Operation(summary = "The couple's questionnaire assignments, newest first, with who has answered")
    @APIResponse(responseCode = "200", description = "Assignments")
    public List<AssignmentResponse> list(@PathParam("coupleId") UUID coupleId) {
        return service.list(coupleId);
    }

    @GET
    @Path("{id}/comparison")
    @Operation(summary = "Both partners side by side",
            description = "Each partner's score, band and subscales for this assignment, their reliable change from"
                    + " their own first score of the instrument, and the difference between the two.")
    @APIResponse(responseCode = "200", description = "The comparison; a partner who has not answered yet has no score")
    public ComparisonResponse compare(@PathParam("coupleId") UUID coupleId, @PathParam("id") UUID id) {
        return service.compare(coupleId, id);
    }
}
