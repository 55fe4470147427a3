package org.tandem.notification;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tandem.common.web.Versions;
import org.tandem.notification.PreferenceApi.PreferencesRequest;
import org.tandem.notification.PreferenceApi.PreferencesResponse;

@Path("/api/v1/me/notification-preferences")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Me")
@RequiredArgsConstructor
public class MyNotificationPreferenceResource {

    private final PreferenceService service;

    @GET
    @Operation(summary = "My choices about messages", description = "Everything on and no quiet hours until I"
            + " choose; the ETag is 0 then.")
    @APIResponse(responseCode = "200", description = "My preferences; ETag carries their version")
    public PreferencesResponse get() {
        return service.mine();
    }

    @PUT
    @Operation(summary = "Choose which messages I get, and when not", description = "Requires If-Match (0 before my"
            + " first choice).")
    @APIResponse(responseCode = "200", description = "Chosen")
    public PreferencesResponse choose(@HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid PreferencesRequest request) {
        return service.choose(Versions.fromIfMatch(ifMatch), request);
    }
}
