package org.tandem.questionnaire;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tandem.common.web.Created;
import org.tandem.idempotency.Idempotent;
import org.tandem.audit.AuditedRecord;
import org.tandem.common.ErrorMarkApi.EnteredInErrorRequest;
import org.tandem.common.web.PageQuery;
import org.tandem.common.web.PageResponse;
import org.tandem.common.web.QueryParams;
import org.tandem.common.TandemConfig;
import org.tandem.questionnaire.QuestionnaireApi.ScoredResponse;
import org.tandem.questionnaire.QuestionnaireApi.SubmitRequest;

@Idempotent
@Path("/api/v1/couples/{coupleId}/questionnaires")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Questionnaires", description = "Scored instruments (PHQ-9, GAD-7, PCL-5, CSI-16) and safety flags")
@AuditedRecord(value = "couple", idParam = "coupleId")
@RequiredArgsConstructor
public class QuestionnaireResource {

    private final QuestionnaireService service;
    private final TandemConfig config;

    @POST
    @Operation(summary = "Submit a partner's answers; the server scores them", description = "Send the item answers only: a score is"
                    + " rejected. Answers that trip a safety rule (PHQ-9 item 9 above 0) raise a safety flag.")
    @APIResponse(responseCode = "201", description = "Stored and scored",
            content = @Content(schema = @Schema(implementation = ScoredResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields (missing, wrong type, future date)")
    @APIResponse(responseCode = "422", description = "Unknown instrument, wrong item count, an answer out of range,"
            + " a score sent, or not a partner of the couple")
    public Response submit(@PathParam("coupleId") UUID coupleId, @NotNull @Valid SubmitRequest request,
            @Context UriInfo uri) {
        ScoredResponse created = service.submit(coupleId, request);
        return Created.at(uri, created.id(), created);
    }

    @GET
    @Operation(summary = "The couple's scored responses, oldest first", description = "Filter: instrument. An"
                    + " integration is not shown a partner's private responses, nor anyone's item answers. Responses"
                    + " marked as entered in error are left out, unless includeEnteredInError=true.")
    @APIResponse(responseCode = "200", description = "A page of scored responses")
    public PageResponse<ScoredResponse> list(@PathParam("coupleId") UUID coupleId,
            @QueryParam("instrument") String instrument,
            @QueryParam("includeEnteredInError") String withErrors, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        return service.list(coupleId, QueryParams.text(instrument, "instrument", 64),
                QueryParams.bool(withErrors, "includeEnteredInError"),
                PageQuery.of(page, size, config.paging()));
    }

    @POST
    @Path("{id}/entered-in-error")
    @Operation(summary = "Mark a response as entered in error", description = "For answers recorded by mistake. They are kept as recorded,"
                    + " with the reason, and from then on count nowhere: not in the list (unless asked for), the"
                    + " progress summary, reports or exports. A safety flag the answers raised stays open until a"
                    + " therapist acknowledges it. Once only; submit the right answers as a new response.")
    @APIResponse(responseCode = "200", description = "Marked")
    @APIResponse(responseCode = "400", description = "Missing or too long reason")
    @APIResponse(responseCode = "409", description = "Marked as entered in error before")
    public ScoredResponse markEnteredInError(@PathParam("coupleId") UUID coupleId, @PathParam("id") UUID id,
            @NotNull @Valid EnteredInErrorRequest request) {
        return service.markEnteredInError(coupleId, id, request);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One scored response")
    @APIResponse(responseCode = "200", description = "The scored response")
    public ScoredResponse get(@PathParam("coupleId") UUID coupleId, @PathParam("id") UUID id) {
        return service.get(coupleId, id);
    }
}
