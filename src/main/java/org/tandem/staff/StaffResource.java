package org.tandem.staff;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tandem.audit.AuditedRecord;
import org.tandem.common.web.Created;
import org.tandem.common.web.PageQuery;
import org.tandem.common.web.PageResponse;
import org.tandem.common.web.QueryParams;
import org.tandem.common.TandemConfig;
import org.tandem.idempotency.Idempotent;
import org.tandem.staff.StaffApi.DeactivationResponse;
import org.tandem.staff.StaffApi.InvitationResponse;
import org.tandem.staff.StaffApi.InviteRequest;
import org.tandem.staff.StaffApi.StaffResponse;

@Idempotent
@Path("/api/v1/staff")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Staff", description = "The clinic's therapists and admins: invite, deactivate, reactivate")
@AuditedRecord(StaffService.RECORD)
@RequiredArgsConstructor
public class StaffResource {

    private final StaffService service;
    private final TandemConfig config;

    @GET
    @Operation(summary = "List the clinic's staff",
            description = "Therapists and admins, invited, active or deactivated, sorted by name. Someone created in"
                    + " Keycloak directly appears after their first call. Filter: status.")
    @APIResponse(responseCode = "200", description = "A page of staff")
    public PageResponse<StaffResponse> list(@QueryParam("status") String status, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        return service.list(QueryParams.enumValue(StaffStatus.class, status, "status"),
                PageQuery.of(page, size, config.paging()));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a person of the clinic's staff")
    @APIResponse(responseCode = "200", description = "The person")
    public StaffResponse get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Invite a therapist or admin",
            description = "Creates their Keycloak account (sign-in name: the e-mail address) with your clinic and the"
                    + " roles given, and asks Keycloak to e-mail them a link to set a password.")
    @APIResponse(responseCode = "201", description = "Invited; Location names the new person",
            content = @Content(schema = @Schema(implementation = InvitationResponse.class)))
    @APIResponse(responseCode = "409", description = "An account with this e-mail address exists already")
    @APIResponse(responseCode = "502", description = "Keycloak did not complete it; nothing was saved")
    public Response invite(@NotNull @Valid InviteRequest request, @Context UriInfo uri) {
        InvitationResponse invited = service.invite(request);
        return Created.at(uri, invited.member().id(), invited);
    }

    @POST
    @Path("{id}/resend-invitation")
    @Operation(summary = "Send an invited person the e-mail again")
    @APIResponse(responseCode = "200", description = "invitationSent says whether Keycloak sent it")
    @APIResponse(responseCode = "409", description = "They have signed in already, or are deactivated")
    public InvitationResponse resendInvitation(@PathParam("id") UUID id) {
        return service.resendInvitation(id);
    }

    @POST
    @Path("{id}/deactivate")
    @Operation(summary = "Deactivate a therapist or admin",
            description = "Every request of theirs is refused from now on (401, on every replica within seconds),"
                    + " their calendar feed is revoked, and their Keycloak account is disabled and signed out. The"
                    + " answer lists the couples in care that still name them, for reassignment. Repeatable.")
    @APIResponse(responseCode = "200", description = "Deactivated")
    @APIResponse(responseCode = "409", description = "Your own account")
    public DeactivationResponse deactivate(@PathParam("id") UUID id) {
        return service.deactivate(id);
    }

    @POST
    @Path("{id}/reactivate")
    @Operation(summary = "Reactivate a deactivated therapist or admin",
            description = "Their requests are served again and their Keycloak account is enabled. A revoked calendar"
                    + " feed stays revoked; reassigned couples stay with whoever has them now.")
    @APIResponse(responseCode = "200", description = "Active again")
    @APIResponse(responseCode = "502", description = "Keycloak did not enable the account; nothing was changed")
    public StaffResponse reactivate(@PathParam("id") UUID id) {
        return service.reactivate(id);
    }
}
