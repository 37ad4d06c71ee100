package org.shequ.renovations.request;

import jakarta.annotation.security.PermitAll;
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
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
import org.shequ.renovations.request.api.ResidentRequestBody;
import org.shequ.renovations.request.api.ResidentRequestView;

@Path("/api/v1/renovations/requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Residents' requests", description = "Residents' wishes (居民意愿) and the projects that answer them")
public class ResidentRequestResource {

    private final ResidentRequestService service;

    public ResidentRequestResource(ResidentRequestService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed({Roles.RESIDENT, Roles.COMMUNITY_ADMIN, Roles.DISTRICT_ADMIN})
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Submit a wish about a compound", description = "An unknown compoundId is a 422.")
    @APIResponseSchema(value = ResidentRequestView.class, responseCode = "201",
            responseDescription = "Submitted: Location names it")
    public RestResponse<ResidentRequestView> submit(ResidentRequestBody body, @Context UriInfo uri) {
        ResidentRequestView created = service.submit(body);
        return RestResponse.ResponseBuilder.<ResidentRequestView>created(uri.getAbsolutePathBuilder().path(created
                .id()).build()).entity(created).build();
    }

    @GET
    @PermitAll
    @Operation(summary = "List wishes", description = "Newest first, in pages; compoundId filters. Answered ones say "
            + "by which project and when.")
    public Page<ResidentRequestView> list(@QueryParam("compoundId") String compoundId,
                                          @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        List<FieldError> errors = new ArrayList<>();
        String compound = QueryParams.bounded("compoundId", compoundId, 36, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return service.list(compound, PageRequest.of(cursor, limit));
    }

    @GET
    @PermitAll
    @Path("{id}")
    @Operation(summary = "One wish")
    public ResidentRequestView get(@PathParam("id") String id) {
        return service.find(id).orElseThrow(() -> new ResourceNotFoundException("Request", id));
    }
}
