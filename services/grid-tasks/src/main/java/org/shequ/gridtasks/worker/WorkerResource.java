package org.shequ.gridtasks.worker;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.shequ.gridtasks.worker.api.WorkerRequest;
import org.shequ.gridtasks.worker.api.WorkerView;
import org.shequ.model.api.Page;
import org.shequ.platform.paging.PageRequest;
import org.shequ.platform.problem.InvalidInputException;
import org.shequ.platform.security.Roles;
import org.shequ.platform.web.Versioned;

@Path("/api/v1/grid/workers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Workers", description = "Grid workers (网格员), each in one grid")
public class WorkerResource {

    private final WorkerService service;

    public WorkerResource(WorkerService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed({Roles.COMMUNITY_ADMIN, Roles.DISTRICT_ADMIN})
    @Operation(summary = "Register a grid worker", description = "id is the subject of the worker's token. "
            + "409 when the id is a worker already; 403 for a grid outside the admin's community.")
    @APIResponseSchema(value = WorkerView.class, responseCode = "201",
            responseDescription = "Created: Location names it, ETag is its version")
    public RestResponse<WorkerView> register(WorkerRequest request, @Context UriInfo uri) {
        WorkerView created = service.register(request);
        return Versioned.created(uri, created.id(), created.version(), created);
    }

    @GET
    @RolesAllowed({Roles.GRID_WORKER, Roles.COMMUNITY_ADMIN, Roles.DISTRICT_ADMIN, Roles.INTEGRATION})
    @Operation(summary = "The workers of a grid", description = "Oldest first, in pages.")
    public Page<WorkerView> ofGrid(@QueryParam("gridId") String gridId, @QueryParam("cursor") String cursor,
                                   @QueryParam("limit") String limit) {
        if (gridId == null || gridId.isBlank()) {
            throw InvalidInputException.of("gridId", "is required");
        }
        return service.ofGrid(gridId.strip(), PageRequest.of(cursor, limit));
    }
}
