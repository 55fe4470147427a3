package org.tandem.diagnosis;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tandem.audit.AuditedRecord;
import org.tandem.common.web.Created;
import org.tandem.common.web.Versions;
import org.tandem.diagnosis.DiagnosisApi.DiagnosisRequest;
import org.tandem.diagnosis.DiagnosisApi.DiagnosisResponse;
import org.tandem.diagnosis.DiagnosisApi.ResolveRequest;
import org.tandem.idempotency.Idempotent;

@Idempotent
@Path("/api/v1/couples/{coupleId}/partners/{partnerId}/diagnoses")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Diagnoses", description = "ICD-10-CM diagnoses per partner; codes for the couple's therapists only")
@AuditedRecord(value = "partner", idParam = "partnerId")
@RequiredArgsConstructor
public class DiagnosisResource {

    private final DiagnosisService service;

    @POST
    @Operation(summary = "Record a diagnosis", description = "The code must be on the clinic's list"
            + " (GET /api/v1/diagnosis-codes). The diagnosis starts ACTIVE.")
    @APIResponse(responseCode = "201", description = "Recorded; Location names it",
            content = @Content(schema = @Schema(implementation = DiagnosisResponse.class)))
    public Response record(@PathParam("coupleId") UUID coupleId, @PathParam("partnerId") UUID partnerId,
            @NotNull @Valid DiagnosisRequest request, @Context UriInfo uri) {
        DiagnosisResponse created = service.record(coupleId, partnerId, request);
        return Created.at(uri, created.id(), created);
    }

    @GET
    @Operation(summary = "The partner's diagnoses, oldest first", description = "With codes for the couple's"
            + " therapists; an admin sees that they exist and their status.")
    @APIResponse(responseCode = "200", description = "Diagnoses, including resolved and entered-in-error ones")
    public List<DiagnosisResponse> list(@PathParam("coupleId") UUID coupleId, @PathParam("partnerId") UUID partnerId) {
        return service.list(coupleId, partnerId);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a diagnosis")
    @APIResponse(responseCode = "200", description = "The diagnosis; ETag carries its version")
    public DiagnosisResponse get(@PathParam("coupleId") UUID coupleId, @PathParam("partnerId") UUID partnerId,
            @PathParam("id") UUID id) {
        return service.get(coupleId, partnerId, id);
    }

    @POST
    @Path("{id}/resolve")
    @Operation(summary = "Resolve an active diagnosis", description = "Requires If-Match.")
    @APIResponse(responseCode = "200", description = "Resolved")
    @APIResponse(responseCode = "409", description = "Not active")
    public DiagnosisResponse resolve(@PathParam("coupleId") UUID coupleId, @PathParam("partnerId") UUID partnerId,
            @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid ResolveRequest request) {
        return service.resolve(coupleId, partnerId, id, Versions.fromIfMatch(ifMatch), request.resolvedOn());
    }

    @POST
    @Path("{id}/entered-in-error")
    @Operation(summary = "Mark a diagnosis recorded by mistake", description = "It stays, marked, and counts"
            + " nowhere (exports send it as entered-in-error). Once only; record the right one as new."
            + " Requires If-Match.")
    @APIResponse(responseCode = "200", description = "Marked")
    @APIResponse(responseCode = "409", description = "Marked before")
    public DiagnosisResponse markEnteredInError(@PathParam("coupleId") UUID coupleId,
            @PathParam("partnerId") UUID partnerId, @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.markEnteredInError(coupleId, partnerId, id, Versions.fromIfMatch(ifMatch));
    }
}
