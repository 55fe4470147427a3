package org.tandem.sobriety;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tandem.security.AccessPolicy;
import org.tandem.sobriety.SobrietyApi.SobrietyResponse;

@Path("/api/v1/me/sobriety")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Me")
@RequiredArgsConstructor
public class MySobrietyResource {

    private final SobrietyService service;
    private final AccessPolicy access;

    @GET
    @Operation(summary = "My sobriety streak", description = "For the partner in recovery: the current and longest"
            + " streak and the resets, without the therapist's notes.")
    @APIResponse(responseCode = "200", description = "The streak")
    @APIResponse(responseCode = "409", description = "I am not the partner in recovery")
    public SobrietyResponse get() {
        var me = access.me();
        return service.get(me.coupleId(), me.partnerId());
    }
}
