package org.tandem.disclosure;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tandem.audit.AuditedRecord;
import org.tandem.common.web.Versions;
import org.tandem.disclosure.DisclosureApi.DisclosureResponse;
import org.tandem.disclosure.DisclosureApi.DisclosureDocumentRequest;
import org.tandem.disclosure.DisclosureApi.DisclosureDocumentResponse;
import org.tandem.disclosure.DisclosureApi.DisclosureQuestionRequest;
import org.tandem.disclosure.DisclosureApi.DisclosureQuestionResponse;
import org.tandem.idempotency.Idempotent;

@Idempotent
@Path("/api/v1/me/disclosures")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Me")
@AuditedRecord(DisclosureService.RECORD)
@RequiredArgsConstructor
public class MyDisclosureResource {

    private final DisclosureService service;

    @GET
    @Operation(summary = "My couple's disclosures: dates and status")
    @APIResponse(responseCode = "200", description = "Disclosures, newest first")
    public List<DisclosureResponse> list() {
        return service.mine();
    }

    @GET
    @Path("{id}/document")
    @Operation(summary = "Read the disclosure document I draft", description = "The partner in recovery only: the"
            + " betrayed partner hears it read aloud in session (403).")
    @APIResponse(responseCode = "200", description = "The document")
    public DisclosureDocumentResponse document(@PathParam("id") UUID id) {
        return service.myDocument(id);
    }

    @PUT
    @Path("{id}/document")
    @Operation(summary = "Draft the disclosure document", description = "The partner in recovery only; requires"
            + " If-Match with the disclosure's version.")
    @APIResponse(responseCode = "200", description = "Written; ETag carries the new version")
    public DisclosureDocumentResponse writeDocument(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid DisclosureDocumentRequest request) {
        return service.writeMyDocument(id, Versions.fromIfMatch(ifMatch), request.text());
    }

    @GET
    @Path("{id}/questions")
    @Operation(summary = "The betrayed partner's questions", description = "The betrayed partner reads what they"
            + " asked; the partner in recovery reads them to answer them in the document.")
    @APIResponse(responseCode = "200", description = "Questions in the order asked")
    public List<DisclosureQuestionResponse> questions(@PathParam("id") UUID id) {
        return service.myQuestions(id);
    }

    @POST
    @Path("{id}/questions")
    @Operation(summary = "Ask a question the disclosure must answer", description = "The betrayed partner only,"
            + " while the disclosure is planned.")
    @APIResponse(responseCode = "201", description = "Asked",
            content = @Content(schema = @Schema(implementation = DisclosureQuestionResponse.class)))
    public Response ask(@PathParam("id") UUID id, @NotNull @Valid DisclosureQuestionRequest request) {
        return Response.status(Response.Status.CREATED).entity(service.ask(id, request.text())).build();
    }

    @DELETE
    @Path("{id}/questions/{questionId}")
    @Operation(summary = "Withdraw a question I asked", description = "The betrayed partner only, while the"
            + " disclosure is planned. The question is deleted: the partner in recovery no longer reads it. To change"
            + " a question, withdraw it and ask anew.")
    @APIResponse(responseCode = "204", description = "Withdrawn")
    @APIResponse(responseCode = "409", description = "The disclosure has taken place")
    public Response withdraw(@PathParam("id") UUID id, @PathParam("questionId") UUID questionId) {
        service.withdraw(id, questionId);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/destruction")
    @Operation(summary = "Agree that the document is destroyed", description = "The betrayed partner only, after"
            + " the disclosure. The document and the questions are erased now; only the metadata stays.")
    @APIResponse(responseCode = "200", description = "Destroyed")
    public DisclosureResponse agreeToDestruction(@PathParam("id") UUID id) {
        return service.agreeToDestruction(id);
    }
}
