package org.tandem.treatmentplan;

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
import org.tandem.common.web.QueryParams;
import org.tandem.treatmentplan.TreatmentPlanApi.ReviewDue;

/** {@code /api/v1/treatment-plan-reviews}: plans due for review across the caller's couples, for the agenda. */
@Path("/api/v1/treatment-plan-reviews")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Treatment plans")
@AuditedRecord(TreatmentPlanService.RECORD)
@RequiredArgsConstructor
public class TreatmentPlanReviewResource {

    private final TreatmentPlanService service;

    @GET
    @Operation(summary = "Treatment plans due for review in the next N days, overdue included",
            description = "days: 0 to 366, default 14. Soonest first.")
    @APIResponse(responseCode = "200", description = "Plans due for review")
    @APIResponse(responseCode = "400", description = "Invalid days")
    public List<ReviewDue> due(@QueryParam("days") String days) {
        return service.reviewsDue(QueryParams.wholeNumber(days, "days", 14));
    }
}
