package org.tandem.crypto;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tandem.audit.AuditedRecord;
import org.tandem.idempotency.Idempotent;
import org.tandem.security.Caller;

/** {@code /api/v1/clinic/key-rotation}: moving the clinic's encrypted data to a new data key. */
@Idempotent
@Path("/api/v1/clinic/key-rotation")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Clinic", description = "The caller's clinic and its settings")
@AuditedRecord("data-key")
@RequiredArgsConstructor
public class KeyRotationResource {

    private final KeyRotation rotation;
    private final Caller caller;

    @POST
    @Operation(summary = "Move the clinic's encrypted data to a new data key",
            description = "Notes, addenda, sobriety-reset notes, webhook secrets and stored responses are re-encrypted"
                    + " in the background under a new key, which encrypts everything new at once; the old key is"
                    + " deleted when nothing uses it. Everything stays readable meanwhile. Follow it with GET.")
    @APIResponse(responseCode = "202", description = "Started",
            content = @Content(schema = @Schema(implementation = KeyRotation.Status.class)))
    @APIResponse(responseCode = "409", description = "A rotation is running, or the clinic has nothing encrypted yet")
    public Response start() {
        return Response.accepted(rotation.start(caller.clinicId())).build();
    }

    @GET
    @Operation(summary = "Whether a key rotation is running, and how many values it has still to move")
    @APIResponse(responseCode = "200", description = "The rotation's state",
            content = @Content(schema = @Schema(implementation = KeyRotation.Status.class)))
    public KeyRotation.Status status() {
        return rotation.status(caller.clinicId());
    }
}
