package org.shequ.gridtasks.task;

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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.shequ.gridtasks.grid.GridAccess;
import org.shequ.gridtasks.task.api.AssignRequest;
import org.shequ.gridtasks.task.api.CompleteRequest;
import org.shequ.gridtasks.task.api.NoteRequest;
import org.shequ.gridtasks.task.api.ReasonRequest;
import org.shequ.gridtasks.task.api.ScheduleRequest;
import org.shequ.gridtasks.task.api.TaskRequest;
import org.shequ.gridtasks.task.api.TaskView;
import org.shequ.model.api.Page;
import org.shequ.platform.paging.PageRequest;
import org.shequ.platform.problem.ResourceNotFoundException;
import org.shequ.platform.security.Roles;
import org.shequ.platform.web.Versioned;

/**
 * Tasks and their workflow. Roles decide who may act at all; {@link GridAccess} then keeps a worker to their grid
 * and an admin to their community. Every transition honours {@code If-Match} when sent (412 when stale).
 */
@Path("/api/v1/grid/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Tasks", description = "Hazards, requests and clean-ups grid workers see to")
public class TaskResource {

    private static final String ACT = "409 with the allowed actions when the status does not allow it; 403 outside "
            + "the caller's grid or community. ";

    private final TaskService service;
    private final GridAccess access;
    private final java.time.Clock clock;

    public TaskResource(TaskService service, GridAccess access, java.time.Clock clock) {
        this.clock = clock;
        this.service = service;
        this.access = access;
    }

    @POST
    @RolesAllowed({Roles.GRID_WORKER, Roles.COMMUNITY_ADMIN, Roles.DISTRICT_ADMIN, Roles.INTEGRATION})
    @Operation(summary = "Report a task", description = "REPORTED; emits shequ.grid-tasks.task.reported.v1. "
            + "An unknown gridId or campaignId is a 422. The answer lists possibleDuplicates.")
    @APIResponseSchema(value = TaskView.class, responseCode = "201",
            responseDescription = "Created: Location names it, ETag is its version")
    public RestResponse<TaskView> report(TaskRequest request, @Context UriInfo uri) {
        TaskView created = service.report(request);
        return Versioned.created(uri, created.id(), created.version(), created);
    }

    @GET
    @RolesAllowed({Roles.GRID_WORKER, Roles.COMMUNITY_ADMIN, Roles.DISTRICT_ADMIN, Roles.INTEGRATION})
    @Operation(summary = "List tasks", description = "Newest first, in pages. A worker sees their grid's tasks, a "
            + "community admin their community's. open=true: not yet DONE, VERIFIED or CANCELLED. assignee=me or "
            + "overdue=true list by due date instead.")
    public Page<TaskView> list(@Parameter(schema = @Schema(implementation = TaskStatus.class))
                               @QueryParam("status") String status,
                               @Parameter(schema = @Schema(implementation = TaskCategory.class))
                               @QueryParam("category") String category,
                               @QueryParam("gridId") String gridId,
                               @QueryParam("compound") String compound,
                               @QueryParam("campaignId") String campaignId,
                               @Parameter(schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("open") String open,
                               @Parameter(description = "me: the caller's own tasks (a worker's day); or a worker id. "
                                       + "Listed by due date, soonest first, undated last")
                               @QueryParam("assignee") String assignee,
                               @Parameter(description = "true: open tasks past their due time, by due date",
                                       schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("overdue") String overdue,
                               @QueryParam("cursor") String cursor,
                               @QueryParam("limit") String limit) {
        PageRequest page = PageRequest.of(cursor, limit);
        return service.list(TaskQuery.parse(status, category, gridId, compound, campaignId, open, assignee, overdue,
                page.after(), access.scope(), access.actor(), clock.instant()), page);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.GRID_WORKER, Roles.COMMUNITY_ADMIN, Roles.DISTRICT_ADMIN, Roles.INTEGRATION})
    @Operation(summary = "One task, with its history of transitions")
    public RestResponse<TaskView> get(@PathParam("id") String id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        TaskView task = service.find(id).orElseThrow(() -> new ResourceNotFoundException("Task", id));
        return Versioned.read(task.version(), task, ifNoneMatch);
    }

    @POST
    @Path("{id}/assign")
    @RolesAllowed({Roles.GRID_WORKER, Roles.COMMUNITY_ADMIN, Roles.DISTRICT_ADMIN})
    @Operation(summary = "Assign workers and helpers", description = ACT + "workerIds must be workers of the task's "
            + "grid (422). Emits .assigned.v1.")
    public RestResponse<TaskView> assign(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                                         AssignRequest body) {
        return moved(service.assign(id, Versioned.expectedIfSent(ifMatch), body));
    }

    @POST
    @Path("{id}/schedule")
    @RolesAllowed({Roles.GRID_WORKER, Roles.COMMUNITY_ADMIN, Roles.DISTRICT_ADMIN})
    @Operation(summary = "Schedule the work", description = ACT + "Emits .scheduled.v1.")
    public RestResponse<TaskView> schedule(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                             ScheduleRequest body) {
        return moved(service.schedule(id, Versioned.expectedIfSent(ifMatch), body));
    }

    @POST
    @Path("{id}/start")
    @RolesAllowed({Roles.GRID_WORKER, Roles.COMMUNITY_ADMIN, Roles.DISTRICT_ADMIN})
    @Operation(summary = "Start the work", description = ACT + "The body ({note}) may be left out. Emits .started.v1.")
    public RestResponse<TaskView> start(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @RequestBody(required = false) NoteRequest body) {
        return moved(service.start(id, Versioned.expectedIfSent(ifMatch), body));
    }

    @POST
    @Path("{id}/complete")
    @RolesAllowed({Roles.GRID_WORKER, Roles.COMMUNITY_ADMIN, Roles.DISTRICT_ADMIN})
    @Operation(summary = "Record the work as done", description = ACT + "Emits .completed.v1; counts toward its "
            + "campaign.")
    public RestResponse<TaskView> complete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                             CompleteRequest body) {
        return moved(service.complete(id, Versioned.expectedIfSent(ifMatch), body));
    }

    @POST
    @Path("{id}/verify")
    @RolesAllowed({Roles.COMMUNITY_ADMIN, Roles.DISTRICT_ADMIN})
    @Operation(summary = "Verify done work", description = ACT + "By an admin, not by the worker who did it. "
            + "Emits .verified.v1.")
    public RestResponse<TaskView> verify(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @RequestBody(required = false) NoteRequest body) {
        return moved(service.verify(id, Versioned.expectedIfSent(ifMatch), body));
    }

    @POST
    @Path("{id}/reopen")
    @RolesAllowed({Roles.GRID_WORKER, Roles.COMMUNITY_ADMIN, Roles.DISTRICT_ADMIN})
    @Operation(summary = "Reopen done or cancelled work", description = ACT + "{reason} required. Emits .reopened.v1.")
    public RestResponse<TaskView> reopen(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                                         ReasonRequest body) {
        return moved(service.reopen(id, Versioned.expectedIfSent(ifMatch), body));
    }

    @POST
    @Path("{id}/cancel")
    @RolesAllowed({Roles.GRID_WORKER, Roles.COMMUNITY_ADMIN, Roles.DISTRICT_ADMIN})
    @Operation(summary = "Cancel a task", description = ACT + "{reason} required. Emits .cancelled.v1.")
    public RestResponse<TaskView> cancel(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                                         ReasonRequest body) {
        return moved(service.cancel(id, Versioned.expectedIfSent(ifMatch), body));
    }

    private static RestResponse<TaskView> moved(TaskView task) {
        return Versioned.changed(task.version(), task);
    }
}
