package org.shequ.notices.gazetteer;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.shequ.model.api.Page;
import org.shequ.notices.gazetteer.api.RoadGazetteerRequest;
import org.shequ.notices.gazetteer.api.RoadGazetteerView;
import org.shequ.platform.paging.PageRequest;
import org.shequ.platform.security.ObjectAccess;
import org.shequ.platform.security.Roles;
import org.shequ.platform.web.Versioned;

/** The district's gazetteer: public to read (addresses are public), kept by district admins. */
@Path("/api/v1/notices/gazetteer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Gazetteer", description = "Where things are along a road, for segment-precise am-I-affected answers")
public class GazetteerResource {

    private final Gazetteer gazetteer;
    private final ObjectAccess access;

    public GazetteerResource(Gazetteer gazetteer, ObjectAccess access) {
        this.gazetteer = gazetteer;
        this.access = access;
    }

    @GET
    @PermitAll
    @Operation(summary = "The roads of the gazetteer", description = "Oldest first, in pages.")
    public Page<RoadGazetteerView> list(@QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        return gazetteer.list(PageRequest.of(cursor, limit));
    }

    @GET
    @PermitAll
    @Path("{road}")
    @Operation(summary = "One road", description = "With an ETag; If-None-Match answers 304 when unchanged.")
    public RestResponse<RoadGazetteerView> get(@PathParam("road") String road,
                                               @HeaderParam("If-None-Match") String ifNoneMatch) {
        RoadGazetteerView view = gazetteer.find(road);
        return Versioned.read(view.version(), view, ifNoneMatch);
    }

    @PUT
    @Path("{road}")
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Record or replace a road", description = "Its sides' parities and its landmarks' house "
            + "numbers. A new road needs no If-Match (201); replacing one needs the If-Match of what it replaces (428 "
            + "without, 412 when stale). Notices written afterwards are placed with it; earlier ones keep how they "
            + "were placed.")
    @APIResponse(responseCode = "200", description = "Replaced", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RoadGazetteerView.class)))
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RoadGazetteerView.class)))
    public RestResponse<RoadGazetteerView> put(@PathParam("road") String road,
                                               @HeaderParam("If-Match") String ifMatch,
                                               @Valid @NotNull RoadGazetteerRequest request) {
        Gazetteer.Written written = gazetteer.put(road, Versioned.expectedIfSent(ifMatch), request, access.actor());
        if (!written.created()) {
            return Versioned.changed(written.view().version(), written.view());
        }
        return RestResponse.ResponseBuilder.<RoadGazetteerView>create(RestResponse.Status.CREATED)
                .entity(written.view()).tag(Versioned.etag(written.view().version())).build();
    }
}
