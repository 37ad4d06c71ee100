package org.shequ.foodinspections.inspection;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.shequ.foodinspections.inspection.api.InspectionView;
import org.shequ.model.api.Page;
import org.shequ.platform.paging.PageRequest;
import org.shequ.platform.problem.ResourceNotFoundException;
import org.shequ.platform.web.Versioned;

/** Inspections are public to read (双随机一公开: results are published); they are recorded per provider. */
@Path("/api/v1/food-safety/inspections")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Inspections", description = "Inspections of 小饭桌 with their computed outcome and rectification orders")
public class InspectionResource {

    private final InspectionService service;

    public InspectionResource(InspectionService service) {
        this.service = service;
    }

    @GET
    @PermitAll
    @Operation(summary = "List completed inspections", description = "Newest first, in pages.")
    public Page<InspectionView> list(@QueryParam("providerId") String providerId,
                                     @QueryParam("outcome") String outcome, @QueryParam("type") String type,
                                     @QueryParam("from") String from, @QueryParam("to") String to,
                                     @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        PageRequest page = PageRequest.of(cursor, limit);
        return service.list(InspectionQuery.parse(providerId, outcome, type, from, to), page);
    }

    @GET
    @Path("{id}")
    @PermitAll
    @Operation(summary = "One inspection, with the orders it opened or closed")
    public Response get(@PathParam("id") String id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        InspectionView inspection = service.find(id).orElseThrow(() -> new ResourceNotFoundException("Inspection", id));
        return Versioned.read(inspection.version(), inspection, ifNoneMatch);
    }
}
