package org.tandem.notification;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tandem.security.Caller;

/**
 * One click in a message (RFC 8058 one-click unsubscribe: the mail client POSTs the List-Unsubscribe URL): the
 * link's token is the credential, so there is no sign-in.
 */
@Path("/api/v1/unsubscribe")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications")
@RequiredArgsConstructor
public class UnsubscribeResource {

    private final PreferenceService service;
    private final Caller caller;

    @POST
    @Operation(summary = "Stop e-mail, with the link of a message", description = "The partner the message went to"
            + " gets no more e-mail until they turn it on again in their app.")
    @APIResponse(responseCode = "200", description = "No more e-mail")
    @APIResponse(responseCode = "404", description = "Not a link Tandem sent")
    public Map<String, Boolean> unsubscribe(@QueryParam("token") String token) {
        service.unsubscribe(token, caller.clientAddress());
        return Map.of("email", false);
    }
}
