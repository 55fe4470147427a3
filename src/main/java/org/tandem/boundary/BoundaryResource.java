package org.tandem.boundary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tandem.common.web.Created;
import org.tandem.idempotency.Idempotent;
import org.tandem.audit.AuditedRecord;
import org.tandem.boundary.BoundaryApi.BoundaryRequest;
import org.tandem.boundary.BoundaryApi.BoundaryResponse;
import org.tandem.boundary.BoundaryApi.ReviewRequest;
import org.tandem.common.web.QueryParams;
import org.tandem.common.web.Versions;

@Idempotent
@Path("/api/v1/couples/{coupleId}/boundaries")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Boundaries", description = "Boundary agreements, versioned")
@AuditedRecord(value = "couple", idParam = "coupleId")
@RequiredArgsConstructor
public class BoundaryResource {

    private final BoundaryService service;

    @POST
    @Operation(summary = "Record an agreed boundary")
    @APIResponse(responseCode = "201", description = "Recorded, version 1")
    public Response create(@PathParam("coupleId") UUID coupleId, @NotNull @Valid BoundaryRequest request) {
        return Created.body(service.create(coupleId, request));
    }

    @GET
    @Operation(summary = "The couple's boundaries with their history")
    @APIResponse(responseCode = "200", description = "Boundaries, oldest first")
    @APIResponse(responseCode = "400", description = "Invalid status")
    public List<BoundaryResponse> list(@PathParam("coupleId") UUID coupleId, @QueryParam("status") String status) {
        return service.list(coupleId, QueryParams.enumValue(BoundaryStatus.class, status, "status"));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a boundary and its history")
    @APIResponse(responseCode = "200", description = "The boundary; ETag carries its version")
    public BoundaryResponse get(@PathParam("coupleId") UUID coupleId, @PathParam("id") UUID id) {
        return service.get(coupleId, id);
    }

    @POST
    @Path("{id}/renegotiate")
    @Operation(summary = "Renegotiate: a new version; the old one stays as RENEGOTIATED", description = "Requires If-Match.")
    @APIResponse(responseCode = "200", description = "The boundary with its new version")
    @APIResponse(responseCode = "409", description = "The boundary is retired")
    public BoundaryResponse renegotiate(@PathParam("coupleId") UUID coupleId, @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid BoundaryRequest request) {
        return service.renegotiate(coupleId, id, Versions.fromIfMatch(ifMatch), request);
    }

    @POST
    @Path("{id}/review")
    @Operation(summary = "Reviewed without change: set the next review date",
            description = "Requires If-Match.")
    @APIResponse(responseCode = "200", description = "Reviewed")
    @APIResponse(responseCode = "409", description = "The boundary is retired")
    public BoundaryResponse review(@PathParam("coupleId") UUID coupleId, @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid ReviewRequest request) {
        return service.review(coupleId, id, Versions.fromIfMatch(ifMatch), request.nextReviewOn());
    }

    @POST
    @Path("{id}/retire")
    @Operation(summary = "Retire a boundary; its history stays",
            description = "Requires If-Match.")
    @APIResponse(responseCode = "200", description = "Retired")
    @APIResponse(responseCode = "409", description = "Already retired")
    public BoundaryResponse retire(@PathParam("coupleId") UUID coupleId, @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.retire(coupleId, id, Versions.fromIfMatch(ifMatch));
    }
}
