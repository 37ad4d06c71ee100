package org.shequ.renovations.compound;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.shequ.model.api.Page;
import org.shequ.platform.paging.PageRequest;
import org.shequ.platform.problem.ResourceNotFoundException;
import org.shequ.platform.security.Roles;
import org.shequ.platform.web.Versioned;
import org.shequ.renovations.compound.api.CompoundRequest;
import org.shequ.renovations.compound.api.CompoundView;

@Path("/api/v1/renovations/compounds")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Compounds", description = "The registry of old compounds (老旧小区)")
public class CompoundResource {

    private final CompoundService service;

    public CompoundResource(CompoundService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed({Roles.COMMUNITY_ADMIN, Roles.DISTRICT_ADMIN})
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Register a compound", description = "409 when the district has one of that name already.")
    @APIResponseSchema(value = CompoundView.class, responseCode = "201",
            responseDescription = "Created: Location names it, ETag is its version")
    public RestResponse<CompoundView> register(CompoundRequest request, @Context UriInfo uri) {
        CompoundView created = service.register(request);
        return Versioned.created(uri, created.id(), created.version(), created);
    }

    @GET
    @PermitAll
    @Path("{id}")
    @Operation(summary = "One compound")
    public RestResponse<CompoundView> get(@PathParam("id") String id,
                                          @HeaderParam("If-None-Match") String ifNoneMatch) {
        CompoundView compound = service.find(id).orElseThrow(() -> new ResourceNotFoundException("Compound", id));
        return Versioned.read(compound.version(), compound, ifNoneMatch);
    }

    @GET
    @PermitAll
    @Operation(summary = "List compounds", description = "Newest first, in pages: pass nextCursor back as cursor.")
    public Page<CompoundView> list(@QueryParam("district") String district, @QueryParam("community") String community,
                                   @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        return service.list(district, community, PageRequest.of(cursor, limit));
    }
}
