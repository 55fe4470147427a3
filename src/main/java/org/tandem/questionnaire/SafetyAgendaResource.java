package org.tandem.questionnaire;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tandem.audit.AuditedRecord;
import org.tandem.questionnaire.QuestionnaireApi.SafetyFlagResponse;

/** Open safety flags across couples, next to the sessions on a therapist's agenda. */
@Path("/api/v1/safety-flags")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Questionnaires")
@AuditedRecord("safety-flag")
@RequiredArgsConstructor
public class SafetyAgendaResource {

    private final QuestionnaireService service;

    @GET
    @Operation(summary = "Open safety flags across the caller's couples, newest first: the agenda")
    @APIResponse(responseCode = "200", description = "Open flags")
    public List<SafetyFlagResponse> agenda() {
        return service.agenda();
    }

}
