package org.tandem.scheduling;

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
import org.tandem.common.web.PageQuery;
import org.tandem.common.web.PageResponse;
import org.tandem.common.TandemConfig;
import org.tandem.scheduling.SchedulingApi.SessionResponse;

/** {@code /api/v1/couples/{coupleId}/sessions}: scheduling's view of one couple. */
@Path("/api/v1/couples/{coupleId}/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sessions")
@AuditedRecord(value = "couple", idParam = "coupleId")
@RequiredArgsConstructor
public class CoupleSessionResource {

    private final SessionService service;
    private final TandemConfig config;

    @GET
    @Operation(summary = "A couple's sessions",
            description = "Sorted by start. Filters: from, to, status, kind, therapistId.")
    @APIResponse(responseCode = "200", description = "A page of sessions")
    public PageResponse<SessionResponse> list(@PathParam("coupleId") UUID coupleId, @QueryParam("page") String page,
            @QueryParam("size") String size, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("status") String status, @QueryParam("kind") String kind,
            @QueryParam("therapistId") String therapistId) {
        return service.listForCouple(coupleId, SessionFilters.of(from, to, status, kind, therapistId, null),
                PageQuery.of(page, size, config.paging()));
    }
}
