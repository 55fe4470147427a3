package org.tandem.audit;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tandem.audit.AuditService.AuditEventResponse;
import org.tandem.common.web.PageQuery;
import org.tandem.common.web.PageResponse;
import org.tandem.common.web.QueryParams;
import org.tandem.common.TandemConfig;

/** Read-only by design: there is no endpoint that changes or deletes an audit event. */
@Path("/api/v1/audit-events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Who read or changed clinical data, when, from where, and how it ended")
@AuditedRecord("audit-event")
@RequiredArgsConstructor
public class AuditResource {

    private final AuditService service;
    private final TandemConfig config;

    @GET
    @Operation(summary = "Page through the clinic's audit events, newest first",
            description = "Filters: from and to (ISO-8601 instants, to exclusive), actor (subject), recordType,"
                    + " recordId, outcome (SUCCESS, DENIED, NOT_FOUND, REJECTED, ERROR).")
    @APIResponse(responseCode = "200", description = "A page of audit events")
    @APIResponse(responseCode = "400", description = "Invalid filter")
    public PageResponse<AuditEventResponse> list(@QueryParam("page") String page, @QueryParam("size") String size,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("actor") String actor,
            @QueryParam("recordType") String recordType, @QueryParam("recordId") String recordId,
            @QueryParam("outcome") String outcome) {
        var filter = new AuditRepository.Filter(QueryParams.instant(from, "from"), QueryParams.instant(to, "to"),
                QueryParams.text(actor, "actor", 255), QueryParams.text(recordType, "recordType", 40),
                QueryParams.text(recordId, "recordId", 64), QueryParams.enumValue(AuditOutcome.class, outcome, "outcome"));
        return service.list(filter, PageQuery.of(page, size, config.paging()));
    }

    @GET
    @Path("verification")
    @Operation(summary = "Check the clinic's audit log against its hash chain",
            description = "Recomputes the chain over every sealed event and names the first broken link: an event"
                    + " changed or deleted after it was sealed, or a seal removed. Events are sealed a few minutes"
                    + " after they are written (sealedThrough).")
    @APIResponse(responseCode = "200", description = "Whether the chain is intact, and where it first breaks")
    public AuditService.VerificationResponse verify() {
        return service.verify();
    }
}
