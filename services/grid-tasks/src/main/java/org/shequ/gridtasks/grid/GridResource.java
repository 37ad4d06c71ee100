package org.shequ.gridtasks.grid;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.shequ.gridtasks.grid.api.GridRequest;
import org.shequ.gridtasks.grid.api.GridView;
import org.shequ.model.api.Page;
import org.shequ.platform.paging.PageRequest;
import org.shequ.platform.problem.ResourceNotFoundException;
import org.shequ.platform.security.Roles;
import org.shequ.platform.web.ApiValues;
import org.shequ.platform.web.Versioned;

@Path("/api/v1/grid/grids")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Grids", description = "Grid cells (网格) of a community")
public class GridResource {

    private final GridService service;

    public GridResource(GridService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed({Roles.COMMUNITY_ADMIN, Roles.DISTRICT_ADMIN})
    @Operation(summary = "Create a grid", description = "409 when the community has a grid of that name already; "
            + "a community admin creates grids in their own community only.")
    @APIResponseSchema(value = GridView.class, responseCode = "201",
            responseDescription = "Created: Location names it, ETag is its version")
    public RestResponse<GridView> create(GridRequest request, @Context UriInfo uri) {
        GridView created = service.create(request);
        return Versioned.created(uri, created.id(), created.version(), created);
    }

    @GET
    @RolesAllowed({Roles.GRID_WORKER, Roles.COMMUNITY_ADMIN, Roles.DISTRICT_ADMIN, Roles.INTEGRATION})
    @Operation(summary = "List grids", description = "Oldest first, in pages. A worker sees their own grid, a "
            + "community admin the grids of their community, others all; community filters.")
    public Page<GridView> list(@QueryParam("community") String community, @QueryParam("cursor") String cursor,
                               @QueryParam("limit") String limit) {
        return service.list(ApiValues.blankToNull(community), PageRequest.of(cursor, limit));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.GRID_WORKER, Roles.COMMUNITY_ADMIN, Roles.DISTRICT_ADMIN, Roles.INTEGRATION})
    @Operation(summary = "One grid")
    public RestResponse<GridView> get(@PathParam("id") String id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        GridView grid = service.find(id).orElseThrow(() -> new ResourceNotFoundException("Grid", id));
        return Versioned.read(grid.version(), grid, ifNoneMatch);
    }
}
