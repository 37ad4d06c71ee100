package org.shequ.renovations.disruption;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.shequ.model.api.Page;
import org.shequ.platform.paging.PageRequest;
import org.shequ.platform.problem.ResourceNotFoundException;
import org.shequ.platform.security.Roles;
import org.shequ.platform.web.Versioned;
import org.shequ.renovations.disruption.api.CancelRequest;
import org.shequ.renovations.disruption.api.DisruptionRequest;
import org.shequ.renovations.disruption.api.DisruptionView;

@Path("/api/v1/renovations/projects/{projectId}/disruptions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Disruptions", description = "Noise, closed roads, water or power off: each becomes a published notice")
public class DisruptionResource {

    private final DisruptionService service;

    public DisruptionResource(DisruptionService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed({Roles.COMMUNITY_ADMIN, Roles.DISTRICT_ADMIN})
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Announce a disruption", description = "Within the project's dates (422 outside); emits "
            + ".disruption-announced.v1, which the notices service publishes as a notice.")
    @APIResponseSchema(value = DisruptionView.class, responseCode = "201",
            responseDescription = "Created: Location names it, ETag is its version")
    public RestResponse<DisruptionView> announce(@PathParam("projectId") String projectId, DisruptionRequest body,
                                                 @Context UriInfo uri) {
        DisruptionView created = service.announce(projectId, body);
        return Versioned.created(uri, created.id(), created.version(), created);
    }

    @GET
    @PermitAll
    @Operation(summary = "A project's disruptions", description = "In the order they start, in pages.")
    public Page<DisruptionView> list(@PathParam("projectId") String projectId, @QueryParam("cursor") String cursor,
                                     @QueryParam("limit") String limit) {
        return service.ofProject(projectId, PageRequest.of(cursor, limit));
    }

    @GET
    @PermitAll
    @Path("{id}")
    @Operation(summary = "One disruption")
    public RestResponse<DisruptionView> get(@PathParam("projectId") String projectId, @PathParam("id") String id,
                        @HeaderParam("If-None-Match") String ifNoneMatch) {
        DisruptionView disruption = service.find(projectId, id)
                .orElseThrow(() -> new ResourceNotFoundException("Disruption", id));
        return Versioned.read(disruption.version(), disruption, ifNoneMatch);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.COMMUNITY_ADMIN, Roles.DISTRICT_ADMIN})
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Change a disruption", description = "The whole new content with If-Match (428 without, 412 "
            + "stale); its notice is updated and its sequence rises.")
    public RestResponse<DisruptionView> change(@PathParam("projectId") String projectId, @PathParam("id") String id,
                           @Parameter(required = true) @HeaderParam("If-Match") String ifMatch,
                           DisruptionRequest body) {
        DisruptionView changed = service.change(projectId, id, Versioned.expected(ifMatch), body);
        return Versioned.changed(changed.version(), changed);
    }

    @POST
    @Path("{id}/cancel")
    @RolesAllowed({Roles.COMMUNITY_ADMIN, Roles.DISTRICT_ADMIN})
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Cancel a disruption", description = "{reason}; its notice is cancelled.")
    public RestResponse<DisruptionView> cancel(@PathParam("projectId") String projectId, @PathParam("id") String id,
                           @HeaderParam("If-Match") String ifMatch, @Valid @NotNull CancelRequest body) {
        DisruptionView cancelled = service.cancel(projectId, id, Versioned.expectedIfSent(ifMatch), body.reason());
        return Versioned.changed(cancelled.version(), cancelled);
    }
}
