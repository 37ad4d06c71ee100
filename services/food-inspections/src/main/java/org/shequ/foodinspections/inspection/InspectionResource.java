package org.shequ.foodinspections.inspection;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
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
                                     @Parameter(schema = @Schema(implementation = Outcome.class))
                                     @QueryParam("outcome") String outcome,
                                     @Parameter(schema = @Schema(implementation = InspectionType.class))
                                     @QueryParam("type") String type,
                                     @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date-time"))
                                     @QueryParam("from") String from,
                                     @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date-time"))
                                     @QueryParam("to") String to,
                                     @QueryParam("cursor") String cursor,
                                     @QueryParam("limit") String limit) {
        PageRequest page = PageRequest.of(cursor, limit);
        return service.list(InspectionQuery.parse(providerId, outcome, type, from, to), page);
    }

    @GET
    @Path("{id}")
    @PermitAll
    @Operation(summary = "One inspection, with the orders it opened or closed")
    public RestResponse<InspectionView> get(@PathParam("id") String id,
                                            @HeaderParam("If-None-Match") String ifNoneMatch) {
        InspectionView inspection = service.find(id).orElseThrow(() -> new ResourceNotFoundException("Inspection", id));
        return Versioned.read(inspection.version(), inspection, ifNoneMatch);
    }
}
