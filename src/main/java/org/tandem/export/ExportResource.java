package org.tandem.export;

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
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tandem.idempotency.Idempotent;
import org.tandem.audit.AuditedRecord;
import org.tandem.common.web.PageQuery;
import org.tandem.common.web.PageResponse;
import org.tandem.common.TandemConfig;
import org.tandem.export.ExportApi.ExportRequest;
import org.tandem.export.ExportApi.ExportResponse;

@Idempotent
@Path("/api/v1/exports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Exports", description = "Clinic-wide exports as background jobs: CSV, NDJSON, FHIR R4, audit log")
@AuditedRecord(ExportService.RECORD)
@RequiredArgsConstructor
public class ExportResource {

    private final ExportService service;
    private final ExportStore store;
    private final TandemConfig config;

    @POST
    @Operation(summary = "Start an export", description = "Runs in the background. Poll the Location until status is SUCCEEDED,"
                    + " then download contentUrl. Psychotherapy notes and note bodies are never exported.")
    @APIResponse(responseCode = "202", description = "Queued; Location names the job")
    @APIResponse(responseCode = "400", description = "Invalid fields (format not offered for the kind, period)")
    public Response create(@NotNull @Valid ExportRequest request, @Context UriInfo uri) {
        ExportResponse job = service.create(request);
        return Response.accepted(job).location(uri.getAbsolutePathBuilder().path(job.id().toString()).build())
                .build();
    }

    @GET
    @Operation(summary = "Exports, newest first")
    @APIResponse(responseCode = "200", description = "A page of export jobs")
    public PageResponse<ExportResponse> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        return service.list(PageQuery.of(page, size, config.paging()));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "An export's status and progress")
    @APIResponse(responseCode = "200", description = "Status, rows written, percent")
    public ExportResponse get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @POST
    @Path("{id}/cancel")
    @Operation(summary = "Cancel a queued or running export")
    @APIResponse(responseCode = "200", description = "Cancelled; anything written is deleted")
    @APIResponse(responseCode = "409", description = "Already finished")
    public ExportResponse cancel(@PathParam("id") UUID id) {
        return service.cancel(id);
    }

    @GET
    @Path("{id}/content")
    @Produces({"text/csv", "application/x-ndjson", "application/fhir+ndjson", MediaType.APPLICATION_JSON})
    @Operation(summary = "Download a finished export",
            description = "Streamed from the database chunk by chunk. CSV is RFC 4180 with a header row.")
    @APIResponse(responseCode = "200", description = "The file")
    @APIResponse(responseCode = "409", description = "Not finished (queued, running, failed or cancelled)")
    @APIResponse(responseCode = "410", description = "Deleted after its retention period")
    public Response content(@PathParam("id") UUID id) {
        ExportService.Download download = service.forDownload(id);
        ExportJob job = download.job();
        StreamingOutput body = out -> store.copyTo(job.getId(), download.key(), out);
        return Response.ok(body, job.getFormat().mediaType())
                .header("Content-Disposition", "attachment; filename=\"export-" + job.getId() + "."
                        + job.getFormat().extension() + "\"")
                .build();
    }
}
