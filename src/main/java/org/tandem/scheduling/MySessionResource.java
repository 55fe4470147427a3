package org.tandem.scheduling;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tandem.scheduling.SchedulingApi.MySessionResponse;

@Path("/api/v1/me/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Me")
@RequiredArgsConstructor
public class MySessionResource {

    private final SessionService service;

    @GET
    @Operation(summary = "My upcoming sessions, soonest first",
            description = "The couple's joint sessions and intake, and my own individual sessions; never the other"
                    + " partner's individual sessions. A cancelled one stays, marked, so an app can say so.")
    @APIResponse(responseCode = "200", description = "Up to 100 sessions that have not ended")
    public List<MySessionResponse> upcoming() {
        return service.upcomingForMe();
    }
}
