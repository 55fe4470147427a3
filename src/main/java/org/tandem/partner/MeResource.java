package org.tandem.partner;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tandem.partner.PartnerApi.MeResponse;

@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Me", description = "A partner's own view: their sessions, exercises, ratings, questionnaires,"
        + " sobriety and boundary agreements")
@RequiredArgsConstructor
public class MeResource {

    private final MeService service;

    @GET
    @Operation(summary = "Who I am: the partner record my sign-in is bound to")
    @APIResponse(responseCode = "200", description = "The partner")
    public MeResponse get() {
        return service.me();
    }
}
