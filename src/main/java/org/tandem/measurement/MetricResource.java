package org.tandem.measurement;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tandem.common.web.Created;
import org.tandem.idempotency.Idempotent;
import org.tandem.audit.AuditedRecord;
import org.tandem.measurement.MeasurementApi.MetricRequest;
import org.tandem.measurement.MeasurementApi.MetricResponse;

@Idempotent
@Path("/api/v1/metrics")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Measurements")
@AuditedRecord("metric")
@RequiredArgsConstructor
public class MetricResource {

    private final MeasurementService service;

    @GET
    @Operation(summary = "The rating metrics: built-in, then the clinic's own")
    @APIResponse(responseCode = "200", description = "Metrics with range, direction and reliable-change threshold")
    public List<MetricResponse> list() {
        return service.metrics();
    }

    @POST
    @Operation(summary = "Define a rating metric for the clinic",
            description = "Immutable once defined: a new range is a new metric, so old values keep their meaning.")
    @APIResponse(responseCode = "201", description = "Defined")
    @APIResponse(responseCode = "409", description = "The key is taken (built-in or the clinic's)")
    public Response define(@NotNull @Valid MetricRequest request) {
        return Created.body(service.defineMetric(request));
    }
}
