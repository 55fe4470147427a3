package org.tandem.boundary;

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
import org.tandem.boundary.BoundaryApi.MyBoundaryResponse;
import org.tandem.idempotency.Idempotent;

@Idempotent
@Path("/api/v1/me/boundaries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Me")
@RequiredArgsConstructor
public class MyBoundaryResource {

    private final BoundaryService service;

    @GET
    @Operation(summary = "Our boundary agreements in force", description = "Each with its current wording and which"
            + " of us has agreed to it in the app.")
    @APIResponse(responseCode = "200", description = "Boundaries, oldest first")
    public List<MyBoundaryResponse> list() {
        return service.mine();
    }

    @POST
    @Path("{id}/agreement")
    @Operation(summary = "Record my agreement to the current wording", description = "Agreeing again changes"
            + " nothing.")
    @APIResponse(responseCode = "200", description = "The boundary with the agreements so far")
    @APIResponse(responseCode = "409", description = "The boundary is retired")
    public MyBoundaryResponse agree(@PathParam("id") UUID id) {
        return service.agree(id);
    }
}
