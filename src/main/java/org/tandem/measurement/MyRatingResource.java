package org.tandem.measurement;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tandem.common.TandemConfig;
import org.tandem.common.web.Created;
import org.tandem.common.web.PageQuery;
import org.tandem.common.web.PageResponse;
import org.tandem.common.web.QueryParams;
import org.tandem.idempotency.Idempotent;
import org.tandem.measurement.MeasurementApi.MeasurementRequest;
import org.tandem.measurement.MeasurementApi.MeasurementResponse;
import org.tandem.measurement.MeasurementApi.MyRatingRequest;
import org.tandem.partner.MeService.SharingResponse;
import org.tandem.partner.PartnerApi.ShareRequest;
import org.tandem.security.AccessPolicy;

@Idempotent
@Path("/api/v1/me/ratings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Me")
@RequiredArgsConstructor
public class MyRatingResource {

    private final MeasurementService service;
    private final AccessPolicy access;
    private final TandemConfig config;

    @GET
    @Operation(summary = "Ratings I see, oldest first", description = "Mine, the couple's, and the other partner's"
            + " where they shared them. Filters: metric, from, to (dates).")
    @APIResponse(responseCode = "200", description = "A page of ratings")
    public PageResponse<MeasurementResponse> list(@QueryParam("metric") String metric,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        var filter = new MeasurementRepository.Filter(QueryParams.text(metric, "metric", 64), null,
                QueryParams.date(from, "from"), QueryParams.date(to, "to"), false);
        return service.list(access.me().coupleId(), filter, PageQuery.of(page, size, config.paging()));
    }

    @POST
    @Operation(summary = "Record a rating of my own", description = "A self-report, about me (private unless I"
            + " share it) or about the couple.")
    @APIResponse(responseCode = "201", description = "Recorded")
    @APIResponse(responseCode = "422", description = "Unknown metric, or a value outside its range")
    public Response record(@NotNull @Valid MyRatingRequest request) {
        var me = access.me();
        MeasurementResponse created = service.record(me.coupleId(), new MeasurementRequest(request.metric(),
                Boolean.TRUE.equals(request.aboutCouple()) ? null : me.partnerId(), request.date(), request.value(),
                Source.SELF_REPORT, request.isPrivate()));
        return Created.body(created);
    }

    @PUT
    @Path("{id}/sharing")
    @Operation(summary = "Share a rating about me with the other partner, or take it back",
            description = "Each choice is kept with when it was made, and audited.")
    @APIResponse(responseCode = "200", description = "How it stands now, with every choice made")
    public SharingResponse share(@PathParam("id") UUID id, @NotNull @Valid ShareRequest request) {
        return service.share(id, request.shared());
    }
}
