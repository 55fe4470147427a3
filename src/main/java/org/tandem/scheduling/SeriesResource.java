package org.tandem.scheduling;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tandem.common.web.Created;
import org.tandem.idempotency.Idempotent;
import org.tandem.audit.AuditedRecord;
import org.tandem.common.web.Versions;
import org.tandem.scheduling.SchedulingApi.CreateSeriesRequest;
import org.tandem.scheduling.SchedulingApi.SeriesCancelRequest;
import org.tandem.scheduling.SchedulingApi.SeriesChangeRequest;
import org.tandem.scheduling.SchedulingApi.SeriesResponse;

@Idempotent
@Path("/api/v1/session-series")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Session series", description = "Recurring sessions: weekly or every N weeks")
@AuditedRecord(SeriesService.RECORD)
@RequiredArgsConstructor
public class SeriesResource {

    private final SeriesService service;

    @POST
    @Operation(summary = "Create a recurring series",
            description = "Every intervalWeeks weeks at the same local time in the clinic's zone, until a date, for a"
                    + " count, or open-ended (created 12 weeks ahead and extended hourly). Clashes: 409 listing every"
                    + " one, or with onConflict SKIP the others are booked and the clashes listed under skipped.")
    @APIResponse(responseCode = "201", description = "Created, with its occurrences")
    @APIResponse(responseCode = "409", description = "Occurrences clash (clashes[] lists them), or couple discharged")
    @APIResponse(responseCode = "404", description = "No such couple (in the body), or not yours")
    public Response create(@NotNull @Valid CreateSeriesRequest request, @Context UriInfo uri) {
        SeriesResponse created = service.create(request);
        return Created.at(uri, created.id(), created);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a series and its occurrences")
    @APIResponse(responseCode = "200", description = "The series")
    public SeriesResponse get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @POST
    @Path("{id}/change-following")
    @Operation(summary = "Move this and the following occurrences",
            description = "New time of day and/or length from fromSessionId on. Splits the series: the answer is the"
                    + " new series, holding every following occurrence (moved ones keep their id and history)."
                    + " All or nothing: any clash is 409. Requires If-Match.")
    @APIResponse(responseCode = "200", description = "The new series")
    @APIResponse(responseCode = "409", description = "A moved occurrence would clash")
    public SeriesResponse changeFollowing(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid SeriesChangeRequest request) {
        return service.changeFollowing(id, Versions.fromIfMatch(ifMatch), request);
    }

    @POST
    @Path("{id}/cancel-following")
    @Operation(summary = "Cancel this and the following occurrences",
            description = "Cancels the scheduled occurrences from fromSessionId on and ends the series. To cancel a"
                    + " single occurrence, cancel that session. Requires If-Match.")
    @APIResponse(responseCode = "200", description = "The series, ended")
    public SeriesResponse cancelFollowing(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid SeriesCancelRequest request) {
        return service.cancelFollowing(id, Versions.fromIfMatch(ifMatch), request);
    }
}
