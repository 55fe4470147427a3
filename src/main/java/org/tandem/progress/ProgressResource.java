package org.tandem.progress;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tandem.audit.AuditedRecord;
import org.tandem.common.web.QueryParams;
import org.tandem.progress.ProgressApi.ProgressResponse;

@Path("/api/v1/couples/{coupleId}/progress")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Progress", description = "Is it getting better, and can the change be trusted")
@AuditedRecord(value = "couple", idParam = "coupleId")
@RequiredArgsConstructor
public class ProgressResource {

    private final ProgressService service;

    @GET
    @Operation(summary = "The couple's progress over a period",
            description = "from/to are dates (default: a year up to today, or from the start of care), at most"
                    + " tandem.progress.max-range-days (731) apart. Per partner and metric or instrument: series,"
                    + " baseline, latest, change, reliable change (Jacobson-Truax) and clinical significance; sobriety"
                    + " streaks; exercise adherence; attendance; boundary reviews due; safety flags.")
    @APIResponse(responseCode = "200", description = "The summary")
    @APIResponse(responseCode = "400", description = "Invalid dates")
    public ProgressResponse get(@PathParam("coupleId") UUID coupleId, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return service.summary(coupleId, QueryParams.date(from, "from"), QueryParams.date(to, "to"));
    }
}
