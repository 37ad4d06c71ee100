package org.shequ.foodinspections.inspector;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.shequ.foodinspections.inspector.api.InspectorRequest;
import org.shequ.foodinspections.inspector.api.InspectorView;
import org.shequ.model.api.FieldError;
import org.shequ.model.api.Page;
import org.shequ.platform.paging.KeysetPage;
import org.shequ.platform.paging.PageRequest;
import org.shequ.platform.problem.DuplicateException;
import org.shequ.platform.problem.InvalidInputException;
import org.shequ.platform.security.ObjectAccess;
import org.shequ.platform.security.Roles;
import org.shequ.platform.web.ApiValues;

/** The inspectors' roster of each community, which random spot checks draw from. */
@Path("/api/v1/food-safety/inspectors")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Inspectors", description = "The roster spot checks draw inspectors from")
public class InspectorResource {

    private final InspectorRepository inspectors;
    private final ObjectAccess access;
    private final Clock clock;

    public InspectorResource(InspectorRepository inspectors, ObjectAccess access, Clock clock) {
        this.inspectors = inspectors;
        this.access = access;
        this.clock = clock;
    }

    @POST
    @RolesAllowed({Roles.COMMUNITY_ADMIN, Roles.DISTRICT_ADMIN})
    @Transactional
    @Operation(summary = "Put an inspector on a community's roster", description = "409 when the id is taken.")
    @APIResponseSchema(value = InspectorView.class, responseCode = "201",
            responseDescription = "On the roster")
    public RestResponse<InspectorView> register(@Valid @NotNull InspectorRequest request) {
        String id = request.id().strip();
        String community = access.communityOfNew(request.community().strip());
        if (inspectors.findByIdOptional(id).isPresent()) {
            throw new DuplicateException(List.of(new FieldError("id", "is on a roster already")));
        }
        Inspector inspector = new Inspector();
        inspector.id = id;
        inspector.community = community;
        inspector.name = request.name().strip();
        inspector.active = request.active() == null || request.active();
        inspector.createdAt = clock.instant();
        inspectors.persist(inspector);
        return RestResponse.status(RestResponse.Status.CREATED, view(inspector));
    }

    @GET
    @RolesAllowed({Roles.INSPECTOR, Roles.COMMUNITY_ADMIN, Roles.DISTRICT_ADMIN})
    @Operation(summary = "A community's inspectors", description = "Oldest first, in pages.")
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<InspectorView> list(@QueryParam("community") String community, @QueryParam("cursor") String cursor,
                                    @QueryParam("limit") String limit) {
        if (access.actsEverywhere() && (community == null || community.isBlank())) {
            throw InvalidInputException.of("community", "is required");
        }
        String asked = community == null || community.isBlank() ? null : community.strip();
        String shown = access.listBound(asked).orElseThrow();
        return KeysetPage.of(inspectors.getEntityManager(), Inspector.class)
                .where("e.community = :community", "community", shown)
                .page(PageRequest.of(cursor, limit), i -> i.createdAt, i -> i.id, InspectorResource::view);
    }

    private static InspectorView view(Inspector i) {
        return new InspectorView(i.id, i.community, i.name, i.active, ApiValues.local(i.createdAt));
    }
}
