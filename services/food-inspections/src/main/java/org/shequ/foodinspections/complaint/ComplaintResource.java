package org.shequ.foodinspections.complaint;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.shequ.foodinspections.complaint.api.ComplaintRequest;
import org.shequ.foodinspections.complaint.api.ComplaintView;

/** The public complaint form and its receipt. No token: anyone may complain; the gateway's rate limit applies. */
@Path("/api/v1/food-safety/public/complaints")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "For parents", description = "Active providers and how they did, personal data masked")
public class ComplaintResource {

    private final Complaints complaints;

    public ComplaintResource(Complaints complaints) {
        this.complaints = complaints;
    }

    @POST
    @PermitAll
    @Operation(summary = "Complain about a provider", description = "Queues a COMPLAINT inspection of the provider "
            + "for its community's inspectors and answers a receipt to follow it with. The contact stays masked.")
    @APIResponseSchema(value = ComplaintView.class, responseCode = "201",
            responseDescription = "Filed: Location is where to follow it")
    public RestResponse<ComplaintView> file(ComplaintRequest request, @Context UriInfo uri) {
        ComplaintView filed = complaints.file(request);
        return RestResponse.ResponseBuilder.<ComplaintView>created(uri.getAbsolutePathBuilder().path(filed.receipt())
                .build()).entity(filed).build();
    }

    @GET
    @PermitAll
    @Path("{receipt}")
    @Operation(summary = "Follow a complaint", description = "By its receipt: whether its inspection is scheduled or "
            + "done, and the outcome.")
    public ComplaintView follow(@PathParam("receipt") String receipt) {
        return complaints.follow(receipt);
    }
}
