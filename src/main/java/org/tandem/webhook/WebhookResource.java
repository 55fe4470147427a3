package org.tandem.webhook;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tandem.audit.AuditedRecord;
import org.tandem.common.web.Created;
import org.tandem.idempotency.Idempotent;
import org.tandem.webhook.WebhookApi.DeliveryResponse;
import org.tandem.webhook.WebhookApi.EndpointRequest;
import org.tandem.webhook.WebhookApi.EndpointResponse;

@Idempotent
@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks", description = "Signed event notifications to a clinic's own software")
@AuditedRecord(WebhookService.RECORD)
@RequiredArgsConstructor
public class WebhookResource {

    private final WebhookService service;

    @POST
    @Operation(summary = "Register an endpoint for events",
            description = "The response carries the signing secret, once. See docs/integrations.md for verifying"
                    + " Tandem-Signature.")
    @APIResponse(responseCode = "201", description = "Registered")
    @APIResponse(responseCode = "400", description = "Not an https URL, or unknown event names")
    public Response register(@NotNull @Valid EndpointRequest request) {
        return Created.body(service.register(request));
    }

    @GET
    @Operation(summary = "The clinic's endpoints")
    @APIResponse(responseCode = "200", description = "Endpoints, without secrets")
    public List<EndpointResponse> list() {
        return service.list();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Stop sending to an endpoint", description = "Kept, inactive, with its log.")
    @APIResponse(responseCode = "200", description = "Deactivated")
    public EndpointResponse deactivate(@PathParam("id") UUID id) {
        return service.deactivate(id);
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(summary = "The endpoint's delivery log, newest first")
    @APIResponse(responseCode = "200", description = "Deliveries with status, attempts and last HTTP status")
    public List<DeliveryResponse> deliveries(@PathParam("id") UUID id) {
        return service.deliveries(id);
    }

    @POST
    @Path("{id}/deliveries/{deliveryId}/redeliver")
    @Operation(summary = "Send a delivery again, e.g. a dead-lettered one")
    @APIResponse(responseCode = "202", description = "Queued")
    @APIResponse(responseCode = "409", description = "The endpoint was deactivated")
    public Response redeliver(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        service.redeliver(id, deliveryId);
        return Response.accepted().build();
    }
}
