package org.tandem.checkin;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tandem.checkin.CheckInApi.CheckInRequest;
import org.tandem.checkin.CheckInApi.CheckInResponse;
import org.tandem.common.web.QueryParams;
import org.tandem.common.web.Versions;

@Path("/api/v1/me/check-ins")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Me")
@RequiredArgsConstructor
public class MyCheckInResource {

    private final CheckInService service;

    @PUT
    @Path("{day}")
    @Operation(summary = "Write my check-in of a day", description = "Today or up to 7 days back, in the clinic's"
            + " calendar. Requires If-Match: 0 for a new one, its version to rewrite it.")
    @APIResponse(responseCode = "200", description = "Written; ETag carries its version")
    public CheckInResponse write(@PathParam("day") String day, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid CheckInRequest request) {
        return service.write(QueryParams.date(day, "day"), Versions.fromIfMatch(ifMatch), request);
    }

    @GET
    @Operation(summary = "My check-ins and those the other partner shared, newest first", description = "From"
            + " and to are days in the clinic's calendar (default: the last two weeks); at most 92 days.")
    @APIResponse(responseCode = "200", description = "Check-ins")
    public List<CheckInResponse> list(@QueryParam("from") String from, @QueryParam("to") String to) {
        return service.mine(QueryParams.date(from, "from"), QueryParams.date(to, "to"));
    }
}
