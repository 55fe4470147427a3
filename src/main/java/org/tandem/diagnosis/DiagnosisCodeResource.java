package org.tandem.diagnosis;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tandem.common.web.Created;
import org.tandem.diagnosis.DiagnosisApi.CodeRequest;
import org.tandem.diagnosis.DiagnosisApi.CodeResponse;
import org.tandem.idempotency.Idempotent;

@Idempotent
@Path("/api/v1/diagnosis-codes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Diagnoses")
@RequiredArgsConstructor
public class DiagnosisCodeResource {

    private final DiagnosisService service;

    @GET
    @Operation(summary = "The codes diagnoses may carry", description = "Tandem's starter list (relationship"
            + " distress, adjustment, PTSD, depression, anxiety, sexual-behaviour related), each with its source,"
            + " and the codes the clinic added; by code.")
    @APIResponse(responseCode = "200", description = "The code list")
    public List<CodeResponse> list() {
        return service.codes();
    }

    @POST
    @Operation(summary = "Add a code to the clinic's list", description = "ICD-10-CM format; a code already on the"
            + " list is refused.")
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(schema = @Schema(implementation = CodeResponse.class)))
    @APIResponse(responseCode = "409", description = "The code is on the list already")
    public Response add(@NotNull @Valid CodeRequest request) {
        return Created.body(service.addCode(request));
    }
}
