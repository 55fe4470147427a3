package org.tandem.consent;

import jakarta.ws.rs.GET;
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
import org.tandem.audit.AuditedRecord;
import org.tandem.consent.ConsentApi.CoupleConsents;

@Path("/api/v1/couples/{coupleId}/consents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Consents")
@AuditedRecord(value = "couple", idParam = "coupleId")
@RequiredArgsConstructor
public class CoupleConsentResource {

    private final ConsentService service;

    @GET
    @Operation(summary = "What each partner signed, and what is still missing before the first session",
            description = "Every signature, oldest first, with its status (SIGNED, REVOKED, EXPIRED) and whether it"
                    + " is of the form's current version.")
    @APIResponse(responseCode = "200", description = "The couple's consents")
    public CoupleConsents list(@PathParam("coupleId") UUID coupleId) {
        return service.forCouple(coupleId);
    }

    @GET
    @Path("{id}/pdf")
    @Produces("application/pdf")
    @Operation(summary = "A signature as PDF, to file", description = "The exact text signed, its SHA-256, who"
            + " signed, when and from where.")
    @APIResponse(responseCode = "200", description = "The PDF")
    public Response pdf(@PathParam("coupleId") UUID coupleId, @PathParam("id") UUID id) {
        return ConsentPdf.attachment(service.pdf(coupleId, id), id);
    }
}
