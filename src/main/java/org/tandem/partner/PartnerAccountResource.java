package org.tandem.partner;

import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tandem.audit.AuditedRecord;
import org.tandem.idempotency.Idempotent;
import org.tandem.partner.PartnerApi.AccountResponse;
import org.tandem.partner.PartnerApi.InvitationResponse;
import org.tandem.partner.PartnerApi.InviteRequest;

@Idempotent
@Path("/api/v1/couples/{coupleId}/partners/{partnerId}/account")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Partner accounts", description = "A partner's own sign-in: invite, activate, revoke")
@AuditedRecord(value = "partner", idParam = "partnerId")
@RequiredArgsConstructor
public class PartnerAccountResource {

    private final PartnerAccountService service;

    @POST
    @Operation(summary = "Invite the partner to sign in themselves",
            description = "Creates their Keycloak account (role partner, bound to this partner record) and answers a"
                    + " one-time activation code, valid for tandem.partner.activation-lifespan (7 days). Inviting"
                    + " again, before activation or after a revocation, replaces the code.")
    @APIResponse(responseCode = "200", description = "Invited; the code is in this answer only")
    @APIResponse(responseCode = "409", description = "The account is active already, or the couple is discharged")
    @APIResponse(responseCode = "422", description = "No e-mail address to sign in with")
    @APIResponse(responseCode = "502", description = "Keycloak did not complete the change; nothing was saved")
    public InvitationResponse invite(@PathParam("coupleId") UUID coupleId, @PathParam("partnerId") UUID partnerId,
            @Valid InviteRequest request) {
        return service.invite(coupleId, partnerId, request);
    }

    @GET
    @Operation(summary = "The partner's account: invited, active or revoked")
    @APIResponse(responseCode = "200", description = "The account")
    public AccountResponse get(@PathParam("coupleId") UUID coupleId, @PathParam("partnerId") UUID partnerId) {
        return service.get(coupleId, partnerId);
    }

    @DELETE
    @Operation(summary = "Revoke the partner's account",
            description = "Their next request is refused (401, on every replica), an open invitation's code stops"
                    + " working, and their Keycloak account is disabled and signed out. Repeatable.")
    @APIResponse(responseCode = "200", description = "Revoked")
    public AccountResponse revoke(@PathParam("coupleId") UUID coupleId, @PathParam("partnerId") UUID partnerId) {
        return service.revoke(coupleId, partnerId);
    }
}
