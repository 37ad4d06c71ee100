package org.shequ.foodinspections.spotcheck;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriBuilder;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.shequ.foodinspections.spotcheck.api.DiscardRequest;
import org.shequ.foodinspections.spotcheck.api.SpotCheckRequest;
import org.shequ.foodinspections.spotcheck.api.SpotCheckView;
import org.shequ.model.api.FieldError;
import org.shequ.model.api.Page;
import org.shequ.platform.paging.PageRequest;
import org.shequ.platform.problem.InvalidInputException;
import org.shequ.platform.problem.ResourceNotFoundException;
import org.shequ.platform.security.Roles;
import org.shequ.platform.web.QueryParams;

/** 双随机一公开: random draws of providers and inspectors, published, re-runnable by anyone. */
@Path("/api/v1/food-safety/spot-checks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Spot checks", description = "Reproducible random spot checks (双随机一公开); see docs/FOOD-SAFETY.md")
public class SpotCheckResource {

    private final SpotCheckService service;

    public SpotCheckResource(SpotCheckService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed({Roles.COMMUNITY_ADMIN, Roles.DISTRICT_ADMIN})
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Draw a spot check", description = "Picks count active providers of the community and, for "
            + "each, inspectorsPerCheck inspectors who did not inspect it last; schedules a SPOT_CHECK inspection per "
            + "pick and emits spot-check.drawn.v1. The service picks the seed and publishes its SHA-256 commitment; "
            + "seed and picks are revealed once the checks are recorded. 422 when the roster cannot give that many; "
            + "400 for a seed sent by the caller.")
    @APIResponseSchema(value = SpotCheckView.class, responseCode = "201",
            responseDescription = "Drawn: Location names it; the seed is committed, not shown")
    public RestResponse<SpotCheckView> draw(SpotCheckRequest request) {
        SpotCheckView drawn = service.draw(request);
        return RestResponse.ResponseBuilder.<SpotCheckView>created(UriBuilder
                .fromPath("/api/v1/food-safety/spot-checks/{id}").build(drawn.id()))
                .entity(drawn).build();
    }

    @GET
    @PermitAll
    @Operation(summary = "Every draw", description = "Newest first, in pages, discarded draws included, each with who "
            + "drew it and when; seed and picks as on GET /{id}.")
    public Page<SpotCheckView> list(@QueryParam("community") String community, @QueryParam("cursor") String cursor,
                                    @Parameter(description = "1–200, default 50") @QueryParam("limit") String limit) {
        List<FieldError> errors = new ArrayList<>();
        String inCommunity = QueryParams.bounded("community", community, 100, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return service.list(inCommunity, PageRequest.of(cursor, limit));
    }

    @POST
    @Path("{id}/discard")
    @RolesAllowed({Roles.COMMUNITY_ADMIN, Roles.DISTRICT_ADMIN})
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Discard a draw", description = "With the reason, public with the draw; its checks not yet "
            + "done are CANCELLED and its seed and picks revealed. 409 once revealed or discarded.")
    public SpotCheckView discard(@PathParam("id") String id, @Valid @NotNull DiscardRequest request) {
        return service.discard(id, request.reason());
    }

    @GET
    @Path("{id}")
    @PermitAll
    @Operation(summary = "A draw", description = "Its commitment, roster and hash; seed and picks once revealed (its "
            + "checks recorded, discarded, or revealsAt passed), before that only for the community's admins and "
            + "inspectors and district admins.")
    public SpotCheckView get(@PathParam("id") String id) {
        return service.find(id).orElseThrow(() -> new ResourceNotFoundException("Spot check", id));
    }

    @GET
    @Path("{id}/verify")
    @PermitAll
    @Operation(summary = "Re-run a draw", description = "matches: the revealed seed agrees with the commitment published "
            + "at the draw, the recorded roster still has the published hash and the seed gives the recorded picks over "
            + "it. rosterCurrent: the community's roster is unchanged since. 409 until revealed.")
    public SpotCheckView.Verification verify(@PathParam("id") String id) {
        return service.verify(id);
    }
}
