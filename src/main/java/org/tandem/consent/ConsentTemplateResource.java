package org.tandem.consent;

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
import jakarta.ws.rs.QueryParam;
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
import org.tandem.common.web.QueryParams;
import org.tandem.common.web.Versions;
import org.tandem.consent.ConsentApi.TemplateChange;
import org.tandem.consent.ConsentApi.TemplateRequest;
import org.tandem.consent.ConsentApi.TemplateResponse;
import org.tandem.idempotency.Idempotent;

@Idempotent
@Path("/api/v1/consent-templates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Consents", description = "Consent forms, versioned, and each partner's electronic signature")
@AuditedRecord(value = "consent-template")
@RequiredArgsConstructor
public class ConsentTemplateResource {

    private final ConsentService service;

    @POST
    @Operation(summary = "Write a consent form", description = "Version 1 of its text. requiredBeforeFirstSession:"
            + " each partner must have signed the current version before the couple's first session is completed"
            + " or noted.")
    @APIResponse(responseCode = "201", description = "Written; Location names it",
            content = @Content(schema = @Schema(implementation = TemplateResponse.class)))
    public Response create(@NotNull @Valid TemplateRequest request, @Context UriInfo uri) {
        TemplateResponse created = service.create(request);
        return Created.at(uri, created.id(), created);
    }

    @GET
    @Operation(summary = "The clinic's consent forms", description = "Active ones; all=true adds retired ones.")
    @APIResponse(responseCode = "200", description = "Forms, oldest first, each with every version")
    @APIResponse(responseCode = "400", description = "all is not true or false")
    public List<TemplateResponse> list(@QueryParam("all") String all) {
        return service.templates(QueryParams.bool(all, "all"));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a consent form with every version")
    @APIResponse(responseCode = "200", description = "The form; ETag carries its version")
    public TemplateResponse get(@PathParam("id") UUID id) {
        return service.template(id);
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Change a form's title, text or requirement", description = "A different text makes a"
            + " new version; signatures of earlier versions stay, marked not current. Requires If-Match.")
    @APIResponse(responseCode = "200", description = "Changed")
    @APIResponse(responseCode = "409", description = "The form is retired")
    public TemplateResponse change(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid TemplateChange change) {
        return service.change(id, Versions.fromIfMatch(ifMatch), change);
    }

    @POST
    @Path("{id}/retire")
    @Operation(summary = "Retire a form", description = "No longer offered nor required; its signatures stay."
            + " Requires If-Match.")
    @APIResponse(responseCode = "200", description = "Retired")
    @APIResponse(responseCode = "409", description = "Retired before")
    public TemplateResponse retire(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.retire(id, Versions.fromIfMatch(ifMatch));
    }
}
