package org.tandem.questionnaire;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tandem.questionnaire.QuestionnaireApi.InstrumentResponse;

/** The instrument definitions, so a client can build the form and show what a score means. Not clinical data. */
@Path("/api/v1/instruments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Questionnaires")
@RequiredArgsConstructor
public class InstrumentResource {

    private final QuestionnaireService service;

    @GET
    @Operation(summary = "The instruments this API scores")
    @APIResponse(responseCode = "200", description = "Items, scale, reversed items, scoring rule, bands, cut-off, norms")
    public List<InstrumentResponse> list() {
        return service.instruments();
    }

    @GET
    @Path("{key}")
    @Operation(summary = "One instrument")
    @APIResponse(responseCode = "200", description = "The instrument")
    @APIResponse(responseCode = "404", description = "No such instrument")
    public InstrumentResponse get(@PathParam("key") String key) {
        return service.instrument(key);
    }
}
