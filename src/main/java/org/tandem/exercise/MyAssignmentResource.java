package org.tandem.exercise;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tandem.exercise.AssignmentApi.AssignmentResponse;
import org.tandem.exercise.AssignmentApi.CompletionRequest;
import org.tandem.exercise.AssignmentApi.CompletionResponse;
import org.tandem.exercise.AssignmentApi.MyCompletionRequest;
import org.tandem.idempotency.Idempotent;
import org.tandem.partner.MeService.SharingResponse;
import org.tandem.partner.PartnerApi.ShareRequest;
import org.tandem.security.AccessPolicy;

@Idempotent
@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Me")
@RequiredArgsConstructor
public class MyAssignmentResource {

    private final AssignmentService service;
    private final AccessPolicy access;

    @GET
    @Path("assignments")
    @Operation(summary = "My exercises: the couple's and my own", description = "Never the other partner's own.")
    @APIResponse(responseCode = "200", description = "Assignments, newest first")
    public List<AssignmentResponse> list() {
        return service.mine();
    }

    @GET
    @Path("assignments/{id}/completions")
    @Operation(summary = "The completions of one of my exercises",
            description = "My reflections, and the other partner's only where they shared them.")
    @APIResponse(responseCode = "200", description = "Completions by date")
    public List<CompletionResponse> completions(@PathParam("id") UUID id) {
        return service.completions(access.me().coupleId(), id);
    }

    @POST
    @Path("assignments/{id}/completions")
    @Operation(summary = "Log that I did an exercise", description = "Once per day: the same day again answers the"
            + " first completion (200) and changes nothing.")
    @APIResponse(responseCode = "201", description = "Logged")
    @APIResponse(responseCode = "200", description = "Already logged for that day")
    @APIResponse(responseCode = "409", description = "The assignment was cancelled")
    public Response logCompletion(@PathParam("id") UUID id, @NotNull @Valid MyCompletionRequest request) {
        var me = access.me();
        AssignmentService.Logged logged = service.logCompletion(me.coupleId(), id, new CompletionRequest(
                me.partnerId(), request.date(), request.reflection(), request.shared(), request.rating()));
        return Response.status(logged.created() ? 201 : 200).entity(logged.completion()).build();
    }

    @PUT
    @Path("completions/{id}/sharing")
    @Operation(summary = "Share my reflection with the other partner, or take it back",
            description = "Each choice is kept with when it was made, and audited.")
    @APIResponse(responseCode = "200", description = "How it stands now, with every choice made")
    public SharingResponse share(@PathParam("id") UUID id, @NotNull @Valid ShareRequest request) {
        return service.share(id, request.shared());
    }
}
