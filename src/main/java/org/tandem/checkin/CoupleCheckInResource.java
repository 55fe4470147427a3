package org.tandem.checkin;

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
import org.tandem.checkin.CheckInApi.CoupleCheckIns;
import org.tandem.common.web.QueryParams;

@Path("/api/v1/couples/{coupleId}/check-ins")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Check-ins", description = "The partners' daily check-ins (FANOS) and their adherence")
@AuditedRecord(value = "couple", idParam = "coupleId")
@RequiredArgsConstructor
public class CoupleCheckInResource {

    private final CheckInService service;

    @GET
    @Operation(summary = "The couple's check-ins and each partner's adherence", description = "The couple's"
            + " therapists read every check-in, shared or not; an admin sees that they exist. From and to are days"
            + " in the clinic's calendar (default: the last two weeks); at most 92 days.")
    @APIResponse(responseCode = "200", description = "Adherence and check-ins, newest first")
    public CoupleCheckIns list(@PathParam("coupleId") UUID coupleId, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return service.forCouple(coupleId, QueryParams.date(from, "from"), QueryParams.date(to, "to"));
    }
}
