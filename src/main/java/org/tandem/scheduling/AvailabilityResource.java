package org.tandem.scheduling;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tandem.audit.AuditedRecord;
import org.tandem.common.web.Problems;
import org.tandem.common.web.QueryParams;
import org.tandem.scheduling.SchedulingApi.FreeSlot;
import org.tandem.scheduling.SchedulingApi.WorkingHoursBlock;
import org.tandem.scheduling.SchedulingApi.WorkingHoursRequest;

/** {@code /api/v1/therapists/{therapistId}/working-hours} and {@code .../free-slots}: scheduling's view of a therapist. */
@Path("/api/v1/therapists/{therapistId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Availability", description = "Working hours and free time")
@AuditedRecord(value = "therapist", idParam = "therapistId")
@RequiredArgsConstructor
public class AvailabilityResource {

    private final AvailabilityService service;

    @GET
    @Path("working-hours")
    @Operation(summary = "A therapist's weekly working hours, clinic local time")
    @APIResponse(responseCode = "200", description = "The blocks, by day and start")
    public List<WorkingHoursBlock> workingHours(@PathParam("therapistId") UUID therapistId) {
        return service.workingHours(therapistId);
    }

    @PUT
    @Path("working-hours")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a therapist's working hours")
    @APIResponse(responseCode = "200", description = "The new blocks")
    @APIResponse(responseCode = "400", description = "Invalid or overlapping blocks")
    public List<WorkingHoursBlock> setWorkingHours(@PathParam("therapistId") UUID therapistId,
            @NotNull @Valid WorkingHoursRequest request) {
        return service.setWorkingHours(therapistId, request);
    }

    @GET
    @Path("free-slots")
    @Operation(summary = "Free windows inside a therapist's working hours",
            description = "from and to are dates in the clinic's zone (inclusive, at most 31 days); minutes is the"
                    + " shortest window worth listing (default 50).")
    @APIResponse(responseCode = "200", description = "Free windows, in order")
    public List<FreeSlot> freeSlots(@PathParam("therapistId") UUID therapistId, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("minutes") String minutes) {
        int length = QueryParams.wholeNumber(minutes, "minutes", 50);
        if (length < 10 || length > 480) {
            throw Problems.invalid("minutes", "query", "must be between 10 and 480");
        }
        return service.freeSlots(therapistId, date(from, "from"), date(to, "to"), length);
    }

    private static LocalDate date(String raw, String name) {
        LocalDate date = QueryParams.date(raw, name);
        if (date == null) {
            throw Problems.invalid(name, "query", "is required (YYYY-MM-DD)");
        }
        return date;
    }
}
