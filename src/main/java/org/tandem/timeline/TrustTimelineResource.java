package org.tandem.timeline;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tandem.audit.AuditedRecord;
import org.tandem.common.web.Problems;
import org.tandem.common.web.QueryParams;

@Path("/api/v1/couples/{coupleId}/trust-timeline")
@Tag(name = "Progress")
@AuditedRecord(value = "couple", idParam = "coupleId")
@RequiredArgsConstructor
public class TrustTimelineResource {

    private final TrustTimelineService service;

    @GET
    @Produces({MediaType.APPLICATION_JSON, "application/pdf"})
    @Operation(summary = "The couple's trust timeline as JSON or a one-page PDF", description = "format: json"
            + " (default) or pdf; from/to as for /progress. Discovery, disclosure, polygraphs, letters, boundary"
            + " agreements and breaks, slips and relapses, recovery stages, trust ratings and CSI-16 scores.")
    @APIResponse(responseCode = "200", description = "The timeline (the PDF as an attachment)")
    @APIResponse(responseCode = "400", description = "Invalid format or dates")
    public Response get(@PathParam("coupleId") UUID coupleId, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("format") String format) {
        String f = format == null ? "json" : format.toLowerCase(Locale.ROOT);
        if (!f.equals("json") && !f.equals("pdf")) {
            throw Problems.invalid("format", "query", "must be json or pdf");
        }
        TrustTimelineService.Shown shown = service.timeline(coupleId, QueryParams.date(from, "from"),
                QueryParams.date(to, "to"));
        if (f.equals("json")) {
            return Response.ok(shown.timeline(), MediaType.APPLICATION_JSON).build();
        }
        byte[] pdf = TimelinePdf.render(shown.timeline(), shown.couple().getCode(),
                shown.couple().getClinic().getName());
        return Response.ok(pdf, "application/pdf").header("Content-Disposition", "attachment; filename=\""
                + "trust-timeline-" + shown.couple().getCode() + "-" + shown.timeline().to() + ".pdf\"").build();
    }
}
