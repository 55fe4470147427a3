package org.tandem.therapist;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tandem.audit.AuditedRecord;
import org.tandem.common.web.PageQuery;
import org.tandem.common.web.PageResponse;
import org.tandem.common.TandemConfig;
import org.tandem.therapist.TherapistService.TherapistResponse;

@Path("/api/v1/therapists")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Therapists", description = "The clinic's therapist directory")
@AuditedRecord("therapist")
@RequiredArgsConstructor
public class TherapistResource {

    private final TherapistService service;
    private final TandemConfig config;

    @GET
    @Operation(summary = "List the clinic's therapists",
            description = "A therapist appears after their first call to the API. Sorted by name.")
    @APIResponse(responseCode = "200", description = "A page of therapists")
    public PageResponse<TherapistResponse> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        return service.list(PageQuery.of(page, size, config.paging()));
    }
}
