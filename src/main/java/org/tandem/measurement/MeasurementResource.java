package org.tandem.measurement;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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
import org.tandem.common.ErrorMarkApi.EnteredInErrorRequest;
import org.tandem.common.web.PageQuery;
import org.tandem.common.web.PageResponse;
import org.tandem.common.web.QueryParams;
import org.tandem.common.TandemConfig;
import org.tandem.measurement.MeasurementApi.MeasurementRequest;
import org.tandem.measurement.MeasurementApi.MeasurementResponse;

@Idempotent
@Path("/api/v1/couples/{coupleId}/measurements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Measurements", description = "Ratings of trust, communication, ... for a partner or the couple")
@AuditedRecord(value = "couple", idParam = "coupleId")
@RequiredArgsConstructor
public class MeasurementResource {

    private final MeasurementService service;
    private final TandemConfig config;

    @POST
    @Operation(summary = "Record a rating", description = "A partner's value is private to them unless private is false.")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = MeasurementResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields (missing, wrong type, future date)")
    @APIResponse(responseCode = "422", description = "Unknown metric, value outside its range, or not a partner")
    public Response record(@PathParam("coupleId") UUID coupleId, @NotNull @Valid MeasurementRequest request) {
        return Created.body(service.record(coupleId, request));
    }

    @POST
    @Path("/{id}/entered-in-error")
    @Operation(summary = "Mark a rating as entered in error", description = "For a value recorded by mistake. It is kept as recorded, with the reason,"
                    + " and from then on counts nowhere: not in the list (unless asked for), the progress summary,"
                    + " reports or exports. Once only; record the right value as a new one.")
    @APIResponse(responseCode = "200", description = "Marked")
    @APIResponse(responseCode = "400", description = "Missing or too long reason")
    @APIResponse(responseCode = "409", description = "Marked as entered in error before")
    public MeasurementResponse markEnteredInError(@PathParam("coupleId") UUID coupleId, @PathParam("id") UUID id,
            @NotNull @Valid EnteredInErrorRequest request) {
        return service.markEnteredInError(coupleId, id, request);
    }

    @GET
    @Operation(summary = "The couple's ratings, oldest first", description = "Filters: metric, partnerId, from, to (dates). An integration"
                    + " is not shown a partner's private values (a partner's own app signs in as the partner: see"
                    + " /api/v1/me/ratings). Values marked as entered in error are left out, unless"
                    + " includeEnteredInError=true.")
    @APIResponse(responseCode = "200", description = "A page of measurements")
    public PageResponse<MeasurementResponse> list(@PathParam("coupleId") UUID coupleId,
            @QueryParam("metric") String metric, @QueryParam("partnerId") String partnerId,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("includeEnteredInError") String withErrors,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        var filter = new MeasurementRepository.Filter(QueryParams.text(metric, "metric", 64),
                QueryParams.uuid(partnerId, "partnerId"), QueryParams.date(from, "from"), QueryParams.date(to, "to"),
                QueryParams.bool(withErrors, "includeEnteredInError"));
        return service.list(coupleId, filter, PageQuery.of(page, size, config.paging()));
    }
}
