package org.shequ.gridtasks.campaign;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import org.shequ.gridtasks.campaign.api.CampaignRequest;
import org.shequ.gridtasks.campaign.api.CampaignView;
import org.shequ.model.api.Page;
import org.shequ.platform.paging.PageRequest;
import org.shequ.platform.problem.ResourceNotFoundException;
import org.shequ.platform.security.Roles;
import org.shequ.platform.web.ApiValues;
import org.shequ.platform.web.Versioned;

@Path("/api/v1/grid/campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Campaigns", description = "Many tasks toward one goal, with progress counted from them")
public class CampaignResource {

    private final CampaignService service;

    public CampaignResource(CampaignService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed({Roles.COMMUNITY_ADMIN, Roles.DISTRICT_ADMIN})
    @Operation(summary = "Start a campaign", description = "Tasks join it by campaignId when reported.")
    @APIResponseSchema(value = CampaignView.class, responseCode = "201",
            responseDescription = "Created: Location names it, ETag is its version")
    public RestResponse<CampaignView> create(CampaignRequest request, @Context UriInfo uri) {
        CampaignView created = service.create(request);
        return Versioned.created(uri, created.id(), created.version(), created);
    }

    @GET
    @RolesAllowed({Roles.GRID_WORKER, Roles.COMMUNITY_ADMIN, Roles.DISTRICT_ADMIN, Roles.INTEGRATION})
    @Operation(summary = "List campaigns", description = "Newest first, in pages, within the caller's community.")
    public Page<CampaignView> list(@QueryParam("community") String community, @QueryParam("cursor") String cursor,
                                   @QueryParam("limit") String limit) {
        return service.list(ApiValues.blankToNull(community), PageRequest.of(cursor, limit));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.GRID_WORKER, Roles.COMMUNITY_ADMIN, Roles.DISTRICT_ADMIN, Roles.INTEGRATION})
    @Operation(summary = "One campaign with its progress", description = "progress {done, target, percent} counts "
            + "its DONE and VERIFIED tasks now; reopened and cancelled tasks drop out.")
    public CampaignView get(@PathParam("id") String id) {
        return service.find(id).orElseThrow(() -> new ResourceNotFoundException("Campaign", id));
    }
}
