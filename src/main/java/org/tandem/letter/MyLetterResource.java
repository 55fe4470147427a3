package org.tandem.letter;

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
import org.tandem.letter.LetterApi.LetterResponse;
import org.tandem.letter.LetterApi.LetterTextRequest;
import org.tandem.letter.LetterApi.NewLetterRequest;
import org.tandem.idempotency.Idempotent;

@Idempotent
@Path("/api/v1/me/letters")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Me")
@AuditedRecord(LetterService.RECORD)
@RequiredArgsConstructor
public class MyLetterResource {

    private final LetterService service;

    @POST
    @Operation(summary = "Write an impact or restitution letter", description = "IMPACT is the betrayed partner's,"
            + " RESTITUTION the partner in recovery's. Only its author and the therapists read it until it is"
            + " shared or read in session.")
    @APIResponse(responseCode = "201", description = "Written; Location names it",
            content = @Content(schema = @Schema(implementation = LetterResponse.class)))
    public Response write(@NotNull @Valid NewLetterRequest request, @Context UriInfo uri) {
        LetterResponse created = service.write(request);
        return Created.at(uri, created.id(), created);
    }

    @GET
    @Operation(summary = "My letters and those the other partner gave me, newest first")
    @APIResponse(responseCode = "200", description = "Letters")
    public List<LetterResponse> list() {
        return service.mine();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A letter: my own, or one the other partner shared or read to me")
    @APIResponse(responseCode = "200", description = "The letter; ETag carries its version")
    public LetterResponse get(@PathParam("id") UUID id) {
        return service.myLetter(id);
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Rewrite my letter", description = "Until the other partner received it (409 after)."
            + " Requires If-Match.")
    @APIResponse(responseCode = "200", description = "Rewritten")
    public LetterResponse rewrite(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid LetterTextRequest request) {
        return service.rewrite(id, Versions.fromIfMatch(ifMatch), request.text());
    }

    @POST
    @Path("{id}/sharing")
    @Operation(summary = "Share my letter with the other partner", description = "From then on it cannot change.")
    @APIResponse(responseCode = "200", description = "Shared")
    public LetterResponse share(@PathParam("id") UUID id) {
        return service.share(id);
    }
}
