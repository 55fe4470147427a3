package org.tandem.exercise;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
import org.tandem.common.web.PageQuery;
import org.tandem.common.web.PageResponse;
import org.tandem.common.web.Problems;
import org.tandem.common.web.QueryParams;
import org.tandem.common.TandemConfig;
import org.tandem.common.web.Versions;
import org.tandem.exercise.ExerciseApi.ExerciseRequest;
import org.tandem.exercise.ExerciseApi.ExerciseResponse;
import org.tandem.exercise.ExerciseApi.ExerciseVersionResponse;

@Idempotent
@Path("/api/v1/exercises")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Exercises", description = "The clinic's library of recovery exercises")
@AuditedRecord(ExerciseService.RECORD)
@RequiredArgsConstructor
public class ExerciseResource {

    private final ExerciseService service;
    private final TandemConfig config;

    @GET
    @Operation(summary = "List the clinic's exercises",
            description = "A new clinic starts with the seeded library. Filters: category; includeArchived=true.")
    @APIResponse(responseCode = "200", description = "A page of exercises, current versions")
    public PageResponse<ExerciseResponse> list(@QueryParam("page") String page, @QueryParam("size") String size,
            @QueryParam("category") String category, @QueryParam("includeArchived") String includeArchived) {
        return service.list(QueryParams.enumValue(ExerciseCategory.class, category, "category"),
                flag(includeArchived), PageQuery.of(page, size, config.paging()));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read an exercise, current version")
    @APIResponse(responseCode = "200", description = "The exercise; ETag carries its version")
    public ExerciseResponse get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @GET
    @Path("{id}/versions/{number}")
    @Operation(summary = "Read one version of an exercise, as assignments given it see it")
    @APIResponse(responseCode = "200", description = "The version")
    public ExerciseVersionResponse version(@PathParam("id") UUID id, @PathParam("number") int number) {
        return service.version(id, number);
    }

    @POST
    @Operation(summary = "Add an exercise to the library")
    @APIResponse(responseCode = "201", description = "Added")
    public Response create(@NotNull @Valid ExerciseRequest request, @Context UriInfo uri) {
        ExerciseResponse created = service.create(request);
        return Created.at(uri, created.id(), created);
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Edit an exercise: adds a version",
            description = "Assignments keep the version they were given. Requires If-Match.")
    @APIResponse(responseCode = "200", description = "The new current version")
    @APIResponse(responseCode = "409", description = "Archived")
    public ExerciseResponse update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid ExerciseRequest request) {
        return service.update(id, Versions.fromIfMatch(ifMatch), request);
    }

    @POST
    @Path("{id}/archive")
    @Operation(summary = "Archive an exercise: no new assignments, old ones unaffected")
    @APIResponse(responseCode = "200", description = "Archived")
    public ExerciseResponse archive(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.archive(id, Versions.fromIfMatch(ifMatch));
    }

    private static boolean flag(String raw) {
        if (raw == null || raw.isBlank() || raw.equals("false")) {
            return false;
        }
        if (raw.equals("true")) {
            return true;
        }
        throw Problems.invalid("includeArchived", "query", "must be true or false");
    }
}
