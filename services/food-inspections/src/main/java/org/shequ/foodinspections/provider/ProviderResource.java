package org.shequ.foodinspections.provider;

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
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.shequ.foodinspections.provider.api.ErasureRequest;
import org.shequ.foodinspections.provider.api.ProviderRequest;
import org.shequ.foodinspections.provider.api.ProviderUpdate;
import org.shequ.foodinspections.provider.api.ProviderView;
import org.shequ.model.api.FieldError;
import org.shequ.model.api.Page;
import org.shequ.platform.paging.PageRequest;
import org.shequ.platform.problem.InvalidInputException;
import org.shequ.platform.problem.ResourceNotFoundException;
import org.shequ.platform.security.Roles;
import org.shequ.platform.web.QueryParams;
import org.shequ.platform.web.Versioned;

/**
 * The ledger (台账). One URL gives two representations, masked or not by who asks, so every read answers
 * {@code Vary: Authorization} and shared caches keep them apart.
 */
@Path("/api/v1/food-safety/providers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Providers", description = "The ledger (台账) of after-school meal providers (小饭桌)")
public class ProviderResource {

    private final ProviderService service;

    public ProviderResource(ProviderService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed({Roles.INSPECTOR, Roles.COMMUNITY_ADMIN, Roles.DISTRICT_ADMIN})
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Enter a provider in the ledger", description = "409 when the licence number is taken. "
            + "Emits provider.registered.v1, without operator or phone.")
    @APIResponseSchema(value = ProviderView.class, responseCode = "201",
            responseDescription = "Created: Location names it, ETag is its version")
    public RestResponse<ProviderView> register(ProviderRequest request, @Context UriInfo uri) {
        ProviderView created = service.register(request);
        return Versioned.created(uri, created.id(), created.version(), created);
    }

    @GET
    @PermitAll
    @Operation(summary = "List the ledger", description = "Newest first, in pages; community and status filter. "
            + "operatorName and phone masked unless inspector or admin; unmasked reads are logged.")
    public RestResponse<Page<ProviderView>> list(@QueryParam("community") String community,
                                                 @Parameter(schema = @Schema(implementation = ProviderStatus.class))
                                                 @QueryParam("status") String status,
                                                 @QueryParam("cursor") String cursor,
                                                 @QueryParam("limit") String limit) {
        List<FieldError> errors = new ArrayList<>();
        String inCommunity = QueryParams.bounded("community", community, 100, errors);
        ProviderStatus wanted = QueryParams.enumOf(ProviderStatus.class, "status", status, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Page<ProviderView> page = service.list(inCommunity, wanted, PageRequest.of(cursor, limit));
        return RestResponse.ResponseBuilder.ok(page).header("Vary", "Authorization").build();
    }

    @GET
    @PermitAll
    @Path("{id}")
    @Operation(summary = "One provider", description = "operatorName and phone masked unless inspector or admin.")
    public RestResponse<ProviderView> get(@PathParam("id") String id,
                                          @HeaderParam("If-None-Match") String ifNoneMatch) {
        ProviderView provider = service.find(id).orElseThrow(() -> new ResourceNotFoundException("Provider", id));
        return RestResponse.ResponseBuilder.fromResponse(Versioned.read(provider.version(), provider, ifNoneMatch))
                .header("Vary", "Authorization").build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.INSPECTOR, Roles.COMMUNITY_ADMIN, Roles.DISTRICT_ADMIN})
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Change a ledger entry", description = "The whole entry, with If-Match (428 without it, 412 "
            + "when stale).")
    public RestResponse<ProviderView> update(@PathParam("id") String id,
                                             @Parameter(required = true) @HeaderParam("If-Match") String ifMatch,
                                             ProviderUpdate update) {
        ProviderView changed = service.update(id, Versioned.expected(ifMatch), update);
        return RestResponse.ResponseBuilder.ok(changed).tag(Versioned.etag(changed.version()))
                .header("Vary", "Authorization").build();
    }

    @POST
    @Path("{id}/operator-erasure")
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Erase the operator's personal data", description = "On the operator's request (PIPL Art. "
            + "47): their name and phone are overwritten, so no answer, export or event made afterwards carries them; "
            + "the inspections and the access log stay. Emits shequ.food-inspections.provider.operator-erased.v1 so "
            + "copies elsewhere are scrubbed. District admins only.")
    public ProviderView eraseOperator(@PathParam("id") String id, @Valid @NotNull ErasureRequest request) {
        return service.eraseOperator(id, request.reason());
    }
}
