package org.shequ.foodinspections.spotcheck;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.shequ.foodinspections.spotcheck.api.SpotCheckRequest;
import org.shequ.foodinspections.spotcheck.api.SpotCheckView;
import org.shequ.platform.problem.ResourceNotFoundException;
import org.shequ.platform.security.Roles;

/** 双随机一公开: random draws of providers and inspectors, published, re-runnable by anyone. */
@Path("/api/v1/food-safety/spot-checks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Spot checks", description = "Reproducible random spot checks (双随机一公开); see docs/FOOD-SAFETY.md")
public class SpotCheckResource {

    private final SpotCheckService service;
    private final SecurityIdentity identity;

    public SpotCheckResource(SpotCheckService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({Roles.COMMUNITY_ADMIN, Roles.DISTRICT_ADMIN})
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Draw a spot check", description = "Picks count active providers of the community and, for "
            + "each, inspectorsPerCheck inspectors who did not inspect it last; schedules a SPOT_CHECK inspection per "
            + "pick and emits spot-check.drawn.v1. 422 when the roster cannot give that many.")
    public Response draw(SpotCheckRequest request) {
        SpotCheckView drawn = service.draw(request, Roles.actor(identity));
        return Response.created(UriBuilder.fromPath("/api/v1/food-safety/spot-checks/{id}").build(drawn.id()))
                .entity(drawn).build();
    }

    @GET
    @Path("{id}")
    @PermitAll
    @Operation(summary = "A draw, with its seed, roster and picks")
    public SpotCheckView get(@PathParam("id") String id) {
        return service.find(id).orElseThrow(() -> new ResourceNotFoundException("Spot check", id));
    }

    @GET
    @Path("{id}/verify")
    @PermitAll
    @Operation(summary = "Re-run a draw", description = "matches: the recorded roster still has the published hash and "
            + "the seed gives the recorded picks over it. rosterCurrent: the community's roster is unchanged since.")
    public SpotCheckView.Verification verify(@PathParam("id") String id) {
        return service.verify(id);
    }
}
