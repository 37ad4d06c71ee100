package org.shequ.platform.probe;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.jboss.resteasy.reactive.RestResponse;
import org.shequ.platform.probe.api.ProbeRequest;
import org.shequ.platform.probe.api.ProbeUpdate;
import org.shequ.platform.probe.api.ProbeView;
import org.shequ.platform.problem.ResourceNotFoundException;
import org.shequ.platform.security.Roles;
import org.shequ.platform.web.Versioned;

@Path("/api/v1/probes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProbeResource {

    private final ProbeService service;

    public ProbeResource(ProbeService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed(Roles.COMMUNITY_ADMIN)
    @APIResponseSchema(value = ProbeView.class, responseCode = "201", responseDescription = "Created")
    public RestResponse<ProbeView> create(ProbeRequest request, @QueryParam("quiet") boolean quiet,
                                          @Context UriInfo uri) {
        ProbeView created = service.create(request, !quiet);
        return Versioned.created(uri, created.id(), created.version(), created);
    }

    @GET
    @PermitAll
    @Path("{id}")
    public RestResponse<ProbeView> get(@PathParam("id") String id) {
        ProbeView probe = service.find(id).orElseThrow(() -> new ResourceNotFoundException("Probe", id));
        return Versioned.read(probe.version(), probe, null);
    }

    @PUT
    @RolesAllowed(Roles.COMMUNITY_ADMIN)
    @Path("{id}")
    public RestResponse<ProbeView> update(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                                          ProbeUpdate update, @QueryParam("interfere") boolean interfere,
                                          @QueryParam("quiet") boolean quiet) {
        ProbeView updated = service.update(id, Versioned.expected(ifMatch), update, interfere, !quiet);
        return Versioned.changed(updated.version(), updated);
    }

    /** Deliberately without a security annotation: the platform must refuse it. */
    @GET
    @Path("unguarded")
    public String unguarded() {
        return "should never be seen";
    }
}
