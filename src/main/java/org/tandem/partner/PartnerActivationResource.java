package org.tandem.partner;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tandem.partner.PartnerApi.ActivationRequest;
import org.tandem.partner.PartnerApi.ActivationResponse;

@Path("/api/v1/partner-activation")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Partner accounts", description = "A partner's own sign-in: invite, activate, revoke")
@RequiredArgsConstructor
public class PartnerActivationResource {

    private final PartnerAccountService service;

    @POST
    @Operation(summary = "Activate a partner's account with the one-time code and choose a password",
            description = "No token: the code is the credential, and works once. The partner then signs in with"
                    + " the username answered (authorization code with PKCE, client tandem-partner-app). No"
                    + " Idempotency-Key: a retry after a lost answer is a 422, and the partner signs in with the"
                    + " password they chose.")
    @APIResponse(responseCode = "200", description = "Activated")
    @APIResponse(responseCode = "422", description = "The code is unknown, used, revoked or expired, or the password"
            + " was refused by the realm's policy")
    public ActivationResponse activate(@NotNull @Valid ActivationRequest request) {
        return service.activate(request);
    }
}
