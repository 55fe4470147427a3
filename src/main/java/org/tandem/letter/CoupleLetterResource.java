package org.tandem.letter;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tandem.audit.AuditedRecord;
import org.tandem.idempotency.Idempotent;
import org.tandem.letter.LetterApi.LetterResponse;
import org.tandem.letter.LetterApi.LetterReadingRequest;

@Idempotent
@Path("/api/v1/couples/{coupleId}/letters")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Letters", description = "The impact letter and the emotional restitution letter")
@AuditedRecord(LetterService.RECORD)
@RequiredArgsConstructor
public class CoupleLetterResource {

    private final LetterService service;

    @GET
    @Operation(summary = "The couple's letters, newest first", description = "Drafts too: the therapists read"
            + " every letter; an admin sees that they exist.")
    @APIResponse(responseCode = "200", description = "Letters")
    public List<LetterResponse> list(@PathParam("coupleId") UUID coupleId) {
        return service.forCouple(coupleId);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A letter")
    @APIResponse(responseCode = "200", description = "The letter")
    public LetterResponse get(@PathParam("coupleId") UUID coupleId, @PathParam("id") UUID id) {
        return service.get(coupleId, id);
    }

    @POST
    @Path("{id}/reading")
    @Operation(summary = "Record that the letter was read aloud in session", description = "The other partner may"
            + " read it from then on, and it no longer changes.")
    @APIResponse(responseCode = "200", description = "Recorded")
    public LetterResponse read(@PathParam("coupleId") UUID coupleId, @PathParam("id") UUID id,
            @NotNull @Valid LetterReadingRequest request) {
        return service.readInSession(coupleId, id, request.readOn());
    }
}
