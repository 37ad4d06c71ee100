package org.shequ.gridtasks.task;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.shequ.gridtasks.task.api.TaskRequest;
import org.shequ.gridtasks.task.api.TaskView;
import org.shequ.platform.problem.ResourceNotFoundException;
import org.shequ.platform.security.Roles;
import org.shequ.platform.web.Versioned;

@Path("/api/v1/grid/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Tasks", description = "Hazards, requests and clean-ups grid workers see to")
public class TaskResource {

    private final TaskService service;
    private final SecurityIdentity identity;

    public TaskResource(TaskService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({Roles.GRID_WORKER, Roles.COMMUNITY_ADMIN, Roles.DISTRICT_ADMIN, Roles.INTEGRATION})
    @Operation(summary = "Report a task", description = "REPORTED; emits shequ.grid-tasks.task.reported.v1. "
            + "An unknown gridId is a 422.")
    public Response report(TaskRequest request, @Context UriInfo uri) {
        TaskView created = service.report(request, Roles.actor(identity));
        return Versioned.created(uri, created.id(), created.version(), created);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.GRID_WORKER, Roles.COMMUNITY_ADMIN, Roles.DISTRICT_ADMIN, Roles.INTEGRATION})
    @Operation(summary = "One task")
    public Response get(@PathParam("id") String id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        TaskView task = service.find(id).orElseThrow(() -> new ResourceNotFoundException("Task", id));
        return Versioned.read(task.version(), task, ifNoneMatch);
    }
}
