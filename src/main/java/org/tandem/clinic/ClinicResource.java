package org.tandem.clinic;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tandem.audit.AuditedRecord;
import org.tandem.clinic.ClinicService.ClinicResponse;
import org.tandem.clinic.ClinicService.ClinicSettingsRequest;
import org.tandem.common.web.Versions;

/** {@code /api/v1/clinic}: the caller's own clinic (singular: nobody sees another). */
@Path("/api/v1/clinic")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Clinic", description = "The caller's clinic and its settings")
@AuditedRecord("clinic")
@RequiredArgsConstructor
public class ClinicResource {

    private final ClinicService service;

    @GET
    @Operation(summary = "Your clinic's settings")
    @APIResponse(responseCode = "200", description = "The settings; ETag carries their version")
    public ClinicResponse get() {
        return service.get();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change your clinic's settings",
            description = "Name, time zone, late-cancel window (a cancellation closer than this to the start is"
                    + " flagged late), reminders and whether partners are screened before joint sessions. Requires"
                    + " If-Match.")
    @APIResponse(responseCode = "200", description = "Changed")
    @APIResponse(responseCode = "400", description = "Invalid fields (unknown time zone, window outside 0-168 h)")
    public ClinicResponse update(@HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid ClinicSettingsRequest request) {
        return service.update(Versions.fromIfMatch(ifMatch), request);
    }
}
