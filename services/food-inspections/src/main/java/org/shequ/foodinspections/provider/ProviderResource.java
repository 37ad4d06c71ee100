package org.shequ.foodinspections.provider;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
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
import org.shequ.foodinspections.provider.api.ProviderRequest;
import org.shequ.foodinspections.provider.api.ProviderView;
import org.shequ.platform.problem.ResourceNotFoundException;
import org.shequ.platform.security.Roles;
import org.shequ.platform.web.Versioned;

@Path("/api/v1/food-safety/providers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Providers", description = "The ledger (台账) of after-school meal providers (小饭桌)")
public class ProviderResource {

    /** Who may see operators' names and phones unmasked. */
    static final String[] ENTITLED = {Roles.INSPECTOR, Roles.COMMUNITY_ADMIN, Roles.DISTRICT_ADMIN};

    private final ProviderService service;
    private final SecurityIdentity identity;

    public ProviderResource(ProviderService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({Roles.INSPECTOR, Roles.COMMUNITY_ADMIN, Roles.DISTRICT_ADMIN}) // = ENTITLED
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Enter a provider in the ledger", description = "409 when the licence number is taken.")
    public Response register(ProviderRequest request, @Context UriInfo uri) {
        ProviderView created = service.register(request);
        return Versioned.created(uri, created.id(), created.version(), created);
    }

    @GET
    @PermitAll
    @Path("{id}")
    @Operation(summary = "One provider", description = "operatorName and phone masked unless inspector or admin.")
    public Response get(@PathParam("id") String id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        ProviderView provider = service.find(id, Roles.hasAny(identity, ENTITLED))
                .orElseThrow(() -> new ResourceNotFoundException("Provider", id));
        // One URL, two representations (masked or not): shared caches must key on who asks.
        return Response.fromResponse(Versioned.read(provider.version(), provider, ifNoneMatch))
                .header("Vary", "Authorization").build();
    }
}
