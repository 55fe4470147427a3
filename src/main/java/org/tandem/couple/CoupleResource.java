package org.tandem.couple;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tandem.common.web.Created;
import org.tandem.idempotency.Idempotent;
import org.tandem.audit.AuditedRecord;
import org.tandem.common.web.PageQuery;
import org.tandem.common.web.PageResponse;
import org.tandem.common.web.QueryParams;
import org.tandem.common.TandemConfig;
import org.tandem.common.web.Versions;
import org.tandem.couple.CoupleApi.CoupleResponse;
import org.tandem.couple.CoupleApi.CreateCoupleRequest;
import org.tandem.couple.CoupleApi.StatusChangeRequest;
import org.tandem.couple.CoupleApi.TherapistAssignmentRequest;
import org.tandem.couple.CoupleApi.UpdateCoupleRequest;

@Idempotent
@Path("/api/v1/couples")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Couples", description = "The client couples: partners, status and therapists")
@AuditedRecord(CoupleService.RECORD)
@RequiredArgsConstructor
public class CoupleResource {

    private final CoupleService service;
    private final TandemConfig config;

    @POST
    @Operation(summary = "Register a couple",
            description = "Starts at INTAKE. A therapist's new couple is assigned to them.")
    @APIResponse(responseCode = "201", description = "Created; Location and ETag headers set",
            content = @Content(schema = @Schema(implementation = CoupleResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields (problem with violations)")
    public Response create(@NotNull @Valid CreateCoupleRequest request, @Context UriInfo uri) {
        CoupleResponse created = service.create(request);
        return Created.at(uri, created.id(), created);
    }

    @GET
    @Operation(summary = "List couples",
            description = "Paginated. Filters: status, therapistId (primary or co-therapist), q (partner name or"
                    + " couple code). sort: createdAt, careStartedOn, code, status; prefix - for descending.")
    @APIResponse(responseCode = "200", description = "A page of couples")
    public PageResponse<CoupleResponse> list(@QueryParam("page") String page, @QueryParam("size") String size,
            @QueryParam("status") String status, @QueryParam("therapistId") String therapistId,
            @QueryParam("q") String text, @QueryParam("sort") String sort) {
        var filter = new CoupleRepository.Filter(QueryParams.enumValue(CoupleStatus.class, status, "status"),
                QueryParams.uuid(therapistId, "therapistId"), QueryParams.text(text, "q", 100), CoupleSort.parse(sort));
        return service.list(filter, PageQuery.of(page, size, config.paging()));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a couple")
    @APIResponse(responseCode = "200", description = "The couple; ETag header carries its version")
    public CoupleResponse get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Update a couple's details and partners",
            description = "Replaces the details; partners keep their ids. Requires If-Match with the ETag read.")
    @APIResponse(responseCode = "200", description = "Updated")
    public CoupleResponse update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid UpdateCoupleRequest request) {
        return service.update(id, Versions.fromIfMatch(ifMatch), request);
    }

    @POST
    @Path("{id}/status")
    @Operation(summary = "Change a couple's status",
            description = "INTAKE -> ACTIVE | DISCHARGED; ACTIVE -> PAUSED | DISCHARGED; PAUSED -> ACTIVE |"
                    + " DISCHARGED; DISCHARGED -> INTAKE. Discharging cancels the couple's sessions that have not"
                    + " started (cancelledBy CLINIC) and ends their series. Requires If-Match.")
    @APIResponse(responseCode = "200", description = "Status changed")
    @APIResponse(responseCode = "400", description = "Invalid or unknown status")
    @APIResponse(responseCode = "409", description = "Transition not allowed from the current status")
    public CoupleResponse changeStatus(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid StatusChangeRequest request) {
        return service.changeStatus(id, Versions.fromIfMatch(ifMatch), request);
    }

    @PUT
    @Path("{id}/therapists")
    @Operation(summary = "Assign the primary therapist and co-therapists",
            description = "Replaces the assignment. Requires If-Match.")
    @APIResponse(responseCode = "200", description = "Assigned")
    @APIResponse(responseCode = "400", description = "A therapist id is not of your clinic")
    public CoupleResponse assignTherapists(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid TherapistAssignmentRequest request) {
        return service.assignTherapists(id, Versions.fromIfMatch(ifMatch), request);
    }
}
