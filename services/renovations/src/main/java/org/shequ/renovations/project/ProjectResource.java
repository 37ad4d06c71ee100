package org.shequ.renovations.project;

import jakarta.annotation.security.PermitAll;
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
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.shequ.model.api.FieldError;
import org.shequ.model.api.Page;
import org.shequ.platform.paging.PageRequest;
import org.shequ.platform.problem.InvalidInputException;
import org.shequ.platform.problem.ResourceNotFoundException;
import org.shequ.platform.security.Roles;
import org.shequ.platform.web.QueryParams;
import org.shequ.platform.web.Versioned;
import org.shequ.renovations.project.api.CompleteRequest;
import org.shequ.renovations.project.api.LinkRequest;
import org.shequ.renovations.project.api.MeetRequest;
import org.shequ.renovations.project.api.MilestoneRequest;
import org.shequ.renovations.project.api.NoteRequest;
import org.shequ.renovations.project.api.ProjectRequest;
import org.shequ.renovations.project.api.ProjectView;
import org.shequ.renovations.project.api.ReasonRequest;
import org.shequ.renovations.project.api.StartRequest;

/**
 * Projects: planned and moved by admins, public to read, so residents see the progress of the works in their
 * compound. Every move honours {@code If-Match} when sent (412 when stale); an action the status does not allow is a
 * 409 naming the allowed ones.
 */
@Path("/api/v1/renovations/projects")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Projects", description = "Renovation projects of old compounds")
public class ProjectResource {

    private final ProjectService service;
    private final ProjectWorkflow workflow;

    public ProjectResource(ProjectService service, ProjectWorkflow workflow) {
        this.service = service;
        this.workflow = workflow;
    }

    @POST
    @RolesAllowed({Roles.COMMUNITY_ADMIN, Roles.DISTRICT_ADMIN})
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Plan a project", description = "PLANNED; emits shequ.renovations.project.status-changed.v1. "
            + "An unknown compoundId is a 422.")
    @APIResponseSchema(value = ProjectView.class, responseCode = "201",
            responseDescription = "Created: Location names it, ETag is its version")
    public RestResponse<ProjectView> plan(ProjectRequest request, @Context UriInfo uri) {
        ProjectView created = service.plan(request);
        return Versioned.created(uri, created.id(), created.version(), created);
    }

    @GET
    @PermitAll
    @Operation(summary = "List projects", description = "Newest first, in pages; compoundId and status filter.")
    public Page<ProjectView> list(@QueryParam("compoundId") String compoundId,
                                  @Parameter(schema = @Schema(implementation = ProjectStatus.class))
                                  @QueryParam("status") String status,
                                  @QueryParam("cursor") String cursor,
                                  @QueryParam("limit") String limit) {
        List<FieldError> errors = new ArrayList<>();
        String compound = QueryParams.bounded("compoundId", compoundId, 36, errors);
        ProjectStatus wanted = QueryParams.enumOf(ProjectStatus.class, "status", status, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return service.list(compound, wanted, PageRequest.of(cursor, limit));
    }

    @GET
    @PermitAll
    @Path("{id}")
    @Operation(summary = "One project, with its milestones, progress and history")
    public RestResponse<ProjectView> get(@PathParam("id") String id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        ProjectView project = service.find(id).orElseThrow(() -> new ResourceNotFoundException("Project", id));
        return Versioned.read(project.version(), project, ifNoneMatch);
    }

    @POST
    @Path("{id}/approve")
    @RolesAllowed({Roles.COMMUNITY_ADMIN, Roles.DISTRICT_ADMIN})
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Approve a planned project", description = "PLANNED → APPROVED. Body {note} optional.")
    public RestResponse<ProjectView> approve(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @RequestBody(required = false) NoteRequest body) {
        return moved(workflow.approve(id, Versioned.expectedIfSent(ifMatch), body));
    }

    @POST
    @Path("{id}/start")
    @RolesAllowed({Roles.COMMUNITY_ADMIN, Roles.DISTRICT_ADMIN})
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Start the works", description = "APPROVED → IN_PROGRESS; actualStart defaults to today. "
            + "Emits .started.v1.")
    public RestResponse<ProjectView> start(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                                           @RequestBody(required = false) StartRequest body) {
        return moved(workflow.start(id, Versioned.expectedIfSent(ifMatch), body));
    }

    @POST
    @Path("{id}/complete")
    @RolesAllowed({Roles.COMMUNITY_ADMIN, Roles.DISTRICT_ADMIN})
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Complete the works", description = "IN_PROGRESS → COMPLETED with actualEnd and "
            + "actualCostCny; late or over budget needs varianceReason. Linked requests are answered (.request-"
            + "answered.v1 each). Emits .completed.v1.")
    public RestResponse<ProjectView> complete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                             CompleteRequest body) {
        return moved(workflow.complete(id, Versioned.expectedIfSent(ifMatch), body));
    }

    @POST
    @Path("{id}/accept")
    @RolesAllowed({Roles.COMMUNITY_ADMIN, Roles.DISTRICT_ADMIN})
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Accept completed works (验收)", description = "COMPLETED → ACCEPTED. Emits .accepted.v1.")
    public RestResponse<ProjectView> accept(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @RequestBody(required = false) NoteRequest body) {
        return moved(workflow.accept(id, Versioned.expectedIfSent(ifMatch), body));
    }

    @POST
    @Path("{id}/cancel")
    @RolesAllowed({Roles.COMMUNITY_ADMIN, Roles.DISTRICT_ADMIN})
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Cancel a project", description = "Before completion; {reason} required. Linked requests "
            + "are open again.")
    public RestResponse<ProjectView> cancel(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                                            ReasonRequest body) {
        return moved(workflow.cancel(id, Versioned.expectedIfSent(ifMatch), body));
    }

    @POST
    @Path("{id}/milestones")
    @RolesAllowed({Roles.COMMUNITY_ADMIN, Roles.DISTRICT_ADMIN})
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Add a milestone", description = "{title, dueDate}; 409 once the project is done.")
    public RestResponse<ProjectView> addMilestone(@PathParam("id") String id, MilestoneRequest body) {
        return moved(workflow.addMilestone(id, body));
    }

    @POST
    @Path("{id}/milestones/{milestoneId}/meet")
    @RolesAllowed({Roles.COMMUNITY_ADMIN, Roles.DISTRICT_ADMIN})
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Record a milestone met", description = "{metDate}; physicalProgress follows. Emits "
            + ".milestone-met.v1.")
    public RestResponse<ProjectView> meetMilestone(@PathParam("id") String id,
                                                   @PathParam("milestoneId") String milestoneId,
                                  MeetRequest body) {
        return moved(workflow.meetMilestone(id, milestoneId, body));
    }

    @POST
    @Path("{id}/requests")
    @RolesAllowed({Roles.COMMUNITY_ADMIN, Roles.DISTRICT_ADMIN})
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Link residents' requests the project answers", description = "{requestIds}: requests "
            + "about the project's compound; an unknown one is a 422.")
    public RestResponse<ProjectView> link(@PathParam("id") String id, LinkRequest body) {
        return moved(workflow.link(id, body));
    }

    private static RestResponse<ProjectView> moved(ProjectView project) {
        return Versioned.changed(project.version(), project);
    }
}
