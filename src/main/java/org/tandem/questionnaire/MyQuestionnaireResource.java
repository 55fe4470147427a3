package org.tandem.questionnaire;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tandem.common.TandemConfig;
import org.tandem.common.web.Created;
import org.tandem.common.web.PageQuery;
import org.tandem.common.web.PageResponse;
import org.tandem.common.web.QueryParams;
import org.tandem.idempotency.Idempotent;
import org.tandem.measurement.Source;
import org.tandem.partner.MeService.SharingResponse;
import org.tandem.partner.PartnerApi.ShareRequest;
import org.tandem.questionnaire.QuestionnaireApi.MyAssignmentResponse;
import org.tandem.questionnaire.QuestionnaireApi.MyReport;
import org.tandem.questionnaire.QuestionnaireApi.MySubmitRequest;
import org.tandem.questionnaire.QuestionnaireApi.ScoredResponse;
import org.tandem.questionnaire.QuestionnaireApi.SubmitRequest;
import org.tandem.security.AccessPolicy;

@Idempotent
@Path("/api/v1/me/questionnaires")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Me")
@RequiredArgsConstructor
public class MyQuestionnaireResource {

    private final QuestionnaireService service;
    private final AssessmentService assessments;
    private final AccessPolicy access;
    private final TandemConfig config;

    @GET
    @Operation(summary = "Questionnaire responses I see, oldest first", description = "Mine with my answers, scores"
            + " and bands; the other partner's only where they shared them. Filter: instrument.")
    @APIResponse(responseCode = "200", description = "A page of scored responses")
    public PageResponse<ScoredResponse> list(@QueryParam("instrument") String instrument,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        return service.list(access.me().coupleId(), QueryParams.text(instrument, "instrument", 64), false,
                PageQuery.of(page, size, config.paging()));
    }

    @POST
    @Operation(summary = "Answer a questionnaire", description = "Scored at once; private unless shared. If an"
            + " answer needs a therapist's attention soon, the clinic is told; the answer does not say so.")
    @APIResponse(responseCode = "201", description = "Scored")
    @APIResponse(responseCode = "422", description = "Unknown instrument, or answers that do not fit it")
    public Response submit(@NotNull @Valid MySubmitRequest request) {
        var me = access.me();
        return Created.body(service.submit(me.coupleId(), new SubmitRequest(request.instrument(), me.partnerId(),
                request.date(), request.answers(), Source.SELF_REPORT, request.isPrivate(), null),
                request.assignmentId()));
    }

    @GET
    @Path("assigned")
    @Operation(summary = "Questionnaires my therapist asked me to fill in", description = "Newest first, each with"
            + " my response once I answered (answer with POST /api/v1/me/questionnaires and its assignmentId).")
    @APIResponse(responseCode = "200", description = "The assignments asking me")
    public List<MyAssignmentResponse> assigned() {
        return assessments.mine();
    }

    @GET
    @Path("report")
    @Operation(summary = "My report of one instrument", description = "Every score of mine, oldest first, with its"
            + " band, and whether the change from my first to my latest score is reliable (Jacobson-Truax).")
    @APIResponse(responseCode = "200", description = "My report")
    public MyReport report(@QueryParam("instrument") String instrument) {
        return assessments.myReport(QueryParams.text(instrument, "instrument", 64));
    }

    @PUT
    @Path("{id}/sharing")
    @Operation(summary = "Share a response of mine with the other partner, or take it back",
            description = "Each choice is kept with when it was made, and audited.")
    @APIResponse(responseCode = "200", description = "How it stands now, with every choice made")
    public SharingResponse share(@PathParam("id") UUID id, @NotNull @Valid ShareRequest request) {
        return service.share(id, request.shared());
    }
}
