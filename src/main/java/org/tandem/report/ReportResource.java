package org.tandem.report;

import jakarta.ws.rs.GET;
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
import org.tandem.audit.AuditedRecord;
import org.tandem.common.web.QueryParams;

@Path("/api/v1/couples/{coupleId}/report")
@Tag(name = "Progress")
@AuditedRecord(value = "couple", idParam = "coupleId")
@RequiredArgsConstructor
public class ReportResource {

    private final ReportService service;

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv", "application/pdf"})
    @Operation(summary = "The couple's progress report as JSON, CSV or PDF with charts", description = "format: json (default), csv or pdf; from/to as for /progress."
                    + " Partners appear by seat; no note text is included.")
    @APIResponse(responseCode = "200", description = "The report, as an attachment for csv and pdf")
    @APIResponse(responseCode = "400", description = "Invalid format or dates")
    public Response get(@PathParam("coupleId") UUID coupleId, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("format") String format) {
        ReportFormat f = format == null ? ReportFormat.JSON
                : QueryParams.enumValue(ReportFormat.class, format.toUpperCase(java.util.Locale.ROOT), "format");
        ReportService.Rendered report = service.render(coupleId, QueryParams.date(from, "from"),
                QueryParams.date(to, "to"), f);
        if (f == ReportFormat.JSON) {
            return Response.ok(report.summary(), MediaType.APPLICATION_JSON).build();
        }
        return Response.ok(report.body(), f.mediaType()).header("Content-Disposition", "attachment; filename=\""
                + "progress-" + report.coupleCode() + "-" + report.summary().from() + "-" + report.summary().to()
                + "." + f.extension() + "\"").build();
    }
}
