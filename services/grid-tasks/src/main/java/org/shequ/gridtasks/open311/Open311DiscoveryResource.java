package org.shequ.gridtasks.open311;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.shequ.gridtasks.open311.api.Open311Discovery;

/**
 * Open311 service discovery ({@code /open311/discovery.json}, https://wiki.open311.org/Service_Discovery): the one
 * production GeoReport v2 endpoint of this jurisdiction, under the address the client reached it by (the gateway).
 */
@Path("/open311")
@Tag(name = "Open311", description = "GeoReport v2 over the grid's tasks; see docs/OPEN311.md")
public class Open311DiscoveryResource {

    /** Changes when the endpoints below do (a new version or format), not on each release. */
    private static final String CHANGESET = "2026-12-04T00:00:00+08:00";

    @GET
    @Path("discovery.json")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Service discovery", description = "Where the GeoReport v2 endpoint is and which formats it "
            + "answers in.")
    public Open311Discovery discovery(@Context UriInfo uri) {
        String base = uri.getBaseUri().toString().replaceAll("/$", "");
        return new Open311Discovery(CHANGESET, "迎泽区网格化管理中心 (grid management centre of Yingze district)",
                "An integration's bearer token or api_key, issued by the district's administrators",
                List.of(new Open311Discovery.Endpoint("http://wiki.open311.org/GeoReport_v2", base + "/open311/v2",
                        CHANGESET, "production", List.of("application/json", "text/xml"))));
    }
}
