package org.tandem.boundary;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tandem.audit.AuditedRecord;
import org.tandem.boundary.BoundaryApi.BoundaryResponse;
import org.tandem.common.web.QueryParams;

/** {@code /api/v1/boundary-reviews}: what is due for review across the caller's couples. */
@Path("/api/v1/boundary-reviews")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Boundaries")
@AuditedRecord(BoundaryService.RECORD)
@RequiredArgsConstructor
public class BoundaryReviewResource {

    private final BoundaryService service;

    @GET
    @Operation(summary = "Boundaries due for review in the next N days, overdue included", description = "days: 0 to 366, default 14. Soonest first.")
    @APIResponse(responseCode = "200", description = "Boundaries due for review")
    @APIResponse(responseCode = "400", description = "Invalid days")
    public List<BoundaryResponse> due(@QueryParam("days") String days) {
        return service.reviewsDue(QueryParams.wholeNumber(days, "days", 14));
    }
}
