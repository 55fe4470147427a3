package org.tandem.note;

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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tandem.audit.AuditedRecord;
import org.tandem.common.web.Created;
import org.tandem.common.web.Versions;
import org.tandem.idempotency.Idempotent;
import org.tandem.note.NoteApi.AddendumRequest;
import org.tandem.note.NoteApi.NoteHistory;
import org.tandem.note.NoteApi.NoteRequest;
import org.tandem.note.NoteApi.NoteResponse;

@Idempotent
@Path("/api/v1/sessions/{sessionId}/note")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Session notes", description = "The clinical record of a session: drafts, signing, addenda")
@AuditedRecord(value = "session", idParam = "sessionId")
@APIResponse(responseCode = "404", description = "No such session or note, or not yours to read")
@RequiredArgsConstructor
public class NoteResource {

    private final NoteService service;

    @POST
    @Operation(summary = "Write the session's note as a draft")
    @APIResponse(responseCode = "201", description = "Draft created")
    @APIResponse(responseCode = "400", description = "Invalid fields (unknown template or section, too long)")
    @APIResponse(responseCode = "409", description = "The session already has a note, or is cancelled")
    public Response create(@PathParam("sessionId") UUID sessionId, @NotNull @Valid NoteRequest request) {
        NoteResponse note = service.create(sessionId, request);
        return Created.body(note);
    }

    @GET
    @Operation(summary = "Read the note",
            description = "Psychotherapy notes: their author only. Admins get access METADATA and no text.")
    @APIResponse(responseCode = "200", description = "The note; ETag carries its version")
    public NoteResponse get(@PathParam("sessionId") UUID sessionId) {
        return service.get(sessionId);
    }

    @PUT
    @Operation(summary = "Save a new revision of the draft",
            description = "Requires If-Match; two editors never overwrite each other.")
    @APIResponse(responseCode = "200", description = "Saved")
    @APIResponse(responseCode = "409", description = "The note is signed (add an addendum), or the request would"
            + " change whether it is a psychotherapy note")
    public NoteResponse update(@PathParam("sessionId") UUID sessionId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid NoteRequest request) {
        return service.update(sessionId, Versions.fromIfMatch(ifMatch), request);
    }

    @POST
    @Path("sign")
    @Operation(summary = "Sign the note; it never changes again")
    @APIResponse(responseCode = "200", description = "Signed")
    @APIResponse(responseCode = "409", description = "Already signed")
    public NoteResponse sign(@PathParam("sessionId") UUID sessionId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.sign(sessionId, Versions.fromIfMatch(ifMatch));
    }

    @POST
    @Path("cosign")
    @Operation(summary = "Co-sign a signed note")
    @APIResponse(responseCode = "200", description = "Co-signed")
    @APIResponse(responseCode = "409", description = "Not signed yet, already co-signed, or you are the author")
    public NoteResponse cosign(@PathParam("sessionId") UUID sessionId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.cosign(sessionId, Versions.fromIfMatch(ifMatch));
    }

    @POST
    @Path("addenda")
    @Operation(summary = "Add an addendum to a signed note",
            description = "Append-only, signed by its author; the original note stays as it was.")
    @APIResponse(responseCode = "201", description = "Added; the note with all addenda")
    @APIResponse(responseCode = "409", description = "The note is still a draft: edit it instead")
    public Response addAddendum(@PathParam("sessionId") UUID sessionId, @NotNull @Valid AddendumRequest request) {
        NoteResponse note = service.addAddendum(sessionId, request);
        return Created.body(note);
    }

    @GET
    @Path("history")
    @Operation(summary = "The draft's revisions (who, when) and the addenda")
    @APIResponse(responseCode = "200", description = "The history")
    public NoteHistory history(@PathParam("sessionId") UUID sessionId) {
        return service.history(sessionId);
    }
}
