package org.shequ.foodinspections.inspection;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.shequ.foodinspections.inspection.api.InspectionRequest;
import org.shequ.foodinspections.inspection.api.InspectionView;
import org.shequ.platform.security.Roles;
import org.shequ.platform.web.Versioned;

/** Recording an inspection of a provider; a root of its own so it wins over the ledger's {@code providers/{id}}. */
@Path("/api/v1/food-safety/providers/{id}/inspections")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Inspections", description = "Inspections of 小饭桌 with their computed outcome and rectification orders")
public class ProviderInspectionsResource {

    private final InspectionService service;

    public ProviderInspectionsResource(InspectionService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed({Roles.INSPECTOR, Roles.COMMUNITY_ADMIN, Roles.DISTRICT_ADMIN})
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Record an inspection", description = "All eight checklist items, each once. The service "
            + "computes outcome (rule in docs/FOOD-SAFETY.md), opens an order per newly failed item (7 days for "
            + "critical items, 14 for others) and, for a FOLLOW_UP, closes the re-checked inspection's orders whose "
            + "item now passes. Emits inspection.completed.v1.")
    @APIResponseSchema(value = InspectionView.class, responseCode = "201",
            responseDescription = "Recorded: Location names it, ETag is its version")
    public RestResponse<InspectionView> record(@PathParam("id") String providerId, InspectionRequest request) {
        InspectionView created = service.record(providerId, request);
        return RestResponse.ResponseBuilder.<InspectionView>created(UriBuilder
                .fromPath("/api/v1/food-safety/inspections/{id}").build(created.id()))
                .tag(Versioned.etag(created.version())).entity(created).build();
    }

}
