package org.tandem.sobriety;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tandem.common.web.Created;
import org.tandem.idempotency.Idempotent;
import org.tandem.audit.AuditedRecord;
import org.tandem.common.ErrorMarkApi.EnteredInErrorRequest;
import org.tandem.sobriety.SobrietyApi.ResetRequest;
import org.tandem.sobriety.SobrietyApi.SobrietyResponse;

@Idempotent
@Path("/api/v1/couples/{coupleId}/partners/{partnerId}/sobriety")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sobriety", description = "Sobriety date, slips and relapses, streaks")
@AuditedRecord(value = "partner", idParam = "partnerId")
@APIResponse(responseCode = "409", description = "The partner is not the one in recovery")
@RequiredArgsConstructor
public class SobrietyResource {

    private final SobrietyService service;

    @GET
    @Operation(summary = "Current and longest streak with the history of resets", description = "Derived on every read from the sobriety date and the"
                    + " logged resets; nothing derived is stored.")
    @APIResponse(responseCode = "200", description = "The streaks")
    public SobrietyResponse get(@PathParam("coupleId") UUID coupleId, @PathParam("partnerId") UUID partnerId) {
        return service.get(coupleId, partnerId);
    }

    @POST
    @Path("resets")
    @Operation(summary = "Log a slip or relapse",
            description = "The streak restarts the next day. The note is private clinical data, stored encrypted.")
    @APIResponse(responseCode = "201", description = "Logged; the streaks after it")
    @APIResponse(responseCode = "400", description = "Invalid fields (future date, before the sobriety date)")
    public Response logReset(@PathParam("coupleId") UUID coupleId, @PathParam("partnerId") UUID partnerId,
            @NotNull @Valid ResetRequest request) {
        return Created.body(service.logReset(coupleId, partnerId, request));
    }

    @POST
    @Path("resets/{resetId}/entered-in-error")
    @Operation(summary = "Mark a reset as logged by mistake",
            description = "For a slip or relapse logged on the wrong day, for the wrong partner, or not at all. It"
                    + " stays in the history, marked, with the reason, and no longer breaks a streak. Once only;"
                    + " log the right reset as a new one.")
    @APIResponse(responseCode = "200", description = "Marked; the streaks after it")
    @APIResponse(responseCode = "400", description = "Missing or too long reason")
    @APIResponse(responseCode = "409", description = "Marked before, or the partner is not the one in recovery")
    public SobrietyResponse markEnteredInError(@PathParam("coupleId") UUID coupleId,
            @PathParam("partnerId") UUID partnerId, @PathParam("resetId") UUID resetId,
            @NotNull @Valid EnteredInErrorRequest request) {
        return service.markEnteredInError(coupleId, partnerId, resetId, request);
    }
}
