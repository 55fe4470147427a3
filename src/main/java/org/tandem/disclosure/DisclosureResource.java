package org.tandem.disclosure;

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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tandem.audit.AuditedRecord;
import org.tandem.common.web.Created;
import org.tandem.common.web.Versions;
import org.tandem.disclosure.DisclosureApi.DisclosureCompletionRequest;
import org.tandem.disclosure.DisclosureApi.DisclosureDestructionRequest;
import org.tandem.disclosure.DisclosureApi.DisclosureResponse;
import org.tandem.disclosure.DisclosureApi.DisclosureDocumentRequest;
import org.tandem.disclosure.DisclosureApi.DisclosureDocumentResponse;
import org.tandem.disclosure.DisclosureApi.DisclosurePlanRequest;
import org.tandem.disclosure.DisclosureApi.DisclosureQuestionResponse;
import org.tandem.disclosure.DisclosureApi.DisclosureScheduleRequest;
import org.tandem.idempotency.Idempotent;

@Idempotent
@Path("/api/v1/couples/{coupleId}/disclosures")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Disclosure", description = "Therapeutic disclosure planning: the document, the betrayed partner's"
        + " questions, the session with both therapists, and the document's destruction")
@AuditedRecord(DisclosureService.RECORD)
@RequiredArgsConstructor
public class DisclosureResource {

    private final DisclosureService service;

    @POST
    @Operation(summary = "Plan a disclosure", description = "The partner IN_RECOVERY discloses to the PARTNER (their"
            + " roles on the couple); one disclosure is planned at a time (409 while another is).")
    @APIResponse(responseCode = "201", description = "Planned; Location names it",
            content = @Content(schema = @Schema(implementation = DisclosureResponse.class)))
    public Response plan(@PathParam("coupleId") UUID coupleId, @NotNull @Valid DisclosurePlanRequest request,
            @Context UriInfo uri) {
        DisclosureResponse created = service.plan(coupleId, request);
        return Created.at(uri, created.id(), created);
    }

    @GET
    @Operation(summary = "The couple's disclosures, newest first (metadata only)")
    @APIResponse(responseCode = "200", description = "Disclosures")
    public List<DisclosureResponse> list(@PathParam("coupleId") UUID coupleId) {
        return service.list(coupleId);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A disclosure's metadata")
    @APIResponse(responseCode = "200", description = "The disclosure; ETag carries its version")
    public DisclosureResponse get(@PathParam("coupleId") UUID coupleId, @PathParam("id") UUID id) {
        return service.get(coupleId, id);
    }

    @GET
    @Path("{id}/document")
    @Operation(summary = "Read the disclosure document", description = "410 once it was destroyed.")
    @APIResponse(responseCode = "200", description = "The document (text null until written)")
    public DisclosureDocumentResponse document(@PathParam("coupleId") UUID coupleId, @PathParam("id") UUID id) {
        return service.document(coupleId, id);
    }

    @PUT
    @Path("{id}/document")
    @Operation(summary = "Write the disclosure document", description = "Requires If-Match with the disclosure's"
            + " version; only while it is planned (409 after the disclosure).")
    @APIResponse(responseCode = "200", description = "Written; ETag carries the new version")
    public DisclosureDocumentResponse writeDocument(@PathParam("coupleId") UUID coupleId, @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid DisclosureDocumentRequest request) {
        return service.writeDocument(coupleId, id, Versions.fromIfMatch(ifMatch), request.text());
    }

    @GET
    @Path("{id}/questions")
    @Operation(summary = "The betrayed partner's questions, which the disclosure must answer")
    @APIResponse(responseCode = "200", description = "Questions in the order asked (text null once destroyed)")
    public List<DisclosureQuestionResponse> questions(@PathParam("coupleId") UUID coupleId, @PathParam("id") UUID id) {
        return service.questions(coupleId, id);
    }

    @PUT
    @Path("{id}/session")
    @Operation(summary = "Name the disclosure session and the co-therapist", description = "A scheduled JOINT"
            + " session of the couple; the co-therapist is the couple's other therapist and must be free then (409)."
            + " Requires If-Match.")
    @APIResponse(responseCode = "200", description = "Scheduled")
    public DisclosureResponse schedule(@PathParam("coupleId") UUID coupleId, @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid DisclosureScheduleRequest request) {
        return service.schedule(coupleId, id, Versions.fromIfMatch(ifMatch), request);
    }

    @POST
    @Path("{id}/completion")
    @Operation(summary = "Record that the disclosure took place", description = "Needs a written document; the"
            + " document is final from then on.")
    @APIResponse(responseCode = "200", description = "Disclosed")
    public DisclosureResponse complete(@PathParam("coupleId") UUID coupleId, @PathParam("id") UUID id,
            @NotNull @Valid DisclosureCompletionRequest request) {
        return service.complete(coupleId, id, request);
    }

    @POST
    @Path("{id}/destruction")
    @Operation(summary = "Destroy the document, as the betrayed partner agreed in session", description = "After"
            + " the disclosure. The document and the questions are erased; only the metadata stays.")
    @APIResponse(responseCode = "200", description = "Destroyed")
    public DisclosureResponse destroy(@PathParam("coupleId") UUID coupleId, @PathParam("id") UUID id,
            @NotNull @Valid DisclosureDestructionRequest request) {
        return service.destroyAgreedInSession(coupleId, id);
    }
}
