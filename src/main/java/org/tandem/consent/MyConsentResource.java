package org.tandem.consent;

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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tandem.common.web.Created;
import org.tandem.consent.ConsentApi.MyConsent;
import org.tandem.consent.ConsentApi.SignRequest;
import org.tandem.consent.ConsentApi.SignatureResponse;
import org.tandem.idempotency.Idempotent;

@Idempotent
@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Me")
@RequiredArgsConstructor
public class MyConsentResource {

    private final ConsentService service;

    @GET
    @Path("consents")
    @Operation(summary = "The clinic's consent forms for me to read and sign", description = "Each active form"
            + " with its current text and SHA-256, whether I signed that version, and my signatures.")
    @APIResponse(responseCode = "200", description = "Forms, oldest first")
    public List<MyConsent> list() {
        return service.mine();
    }

    @POST
    @Path("consents/{templateId}/signatures")
    @Operation(summary = "Sign a form", description = "Send the version number and textSha256 of the text you"
            + " showed, and the name typed as signature; the time and the address are recorded. A release of"
            + " information also names the party, the scope and the last day.")
    @APIResponse(responseCode = "201", description = "Signed",
            content = @Content(schema = @Schema(implementation = SignatureResponse.class)))
    @APIResponse(responseCode = "409", description = "The text changed since it was read, the form is retired, or"
            + " this version is signed already")
    public Response sign(@PathParam("templateId") UUID templateId, @NotNull @Valid SignRequest request) {
        return Created.body(service.sign(templateId, request));
    }

    @POST
    @Path("consent-signatures/{id}/revoke")
    @Operation(summary = "Revoke my signature", description = "From now on; what was done before stands.")
    @APIResponse(responseCode = "200", description = "Revoked")
    @APIResponse(responseCode = "409", description = "Revoked before")
    public SignatureResponse revoke(@PathParam("id") UUID id) {
        return service.revoke(id);
    }

    @GET
    @Path("consent-signatures/{id}/pdf")
    @Produces("application/pdf")
    @Operation(summary = "What I signed, as PDF")
    @APIResponse(responseCode = "200", description = "The PDF")
    public Response pdf(@PathParam("id") UUID id) {
        return ConsentPdf.attachment(service.myPdf(id), id);
    }
}
