package org.shequ.notices.notice;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.shequ.model.api.Page;
import org.shequ.notices.notice.api.NoticeRequest;
import org.shequ.notices.notice.api.NoticeView;
import org.shequ.platform.paging.PageRequest;
import org.shequ.platform.problem.ResourceNotFoundException;
import org.shequ.platform.security.Roles;
import org.shequ.platform.web.Versioned;

@Path("/api/v1/notices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Notices", description = "Outages, closures, works and events residents must know about")
public class NoticeResource {

    /** Who may write notices: the community and district offices, and utilities through integrations. */
    static final String[] EDITORS = {Roles.COMMUNITY_ADMIN, Roles.DISTRICT_ADMIN, Roles.INTEGRATION};

    private final NoticeService service;
    private final SecurityIdentity identity;

    public NoticeResource(NoticeService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({Roles.COMMUNITY_ADMIN, Roles.DISTRICT_ADMIN, Roles.INTEGRATION}) // = EDITORS
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Create a notice", description = "A DRAFT unless publish is true. Emits shequ.notices.notice.drafted.v1 or .published.v1.")
    public Response create(NoticeRequest request, @Context UriInfo uri) {
        NoticeView created = service.create(request, Roles.actor(identity));
        return Versioned.created(uri, created.id(), created.version(), created);
    }

    @GET
    @PermitAll
    @Path("{id}")
    @Operation(summary = "One notice", description = "With an ETag; If-None-Match answers 304 when unchanged.")
    public Response get(@PathParam("id") String id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        NoticeView notice = service.find(id, isEditor()).orElseThrow(() -> new ResourceNotFoundException("Notice", id));
        return Versioned.read(notice.version(), notice, ifNoneMatch);
    }

    @GET
    @PermitAll
    @Operation(summary = "List notices", description = "Newest first, in pages: pass nextCursor back as cursor.")
    public Page<NoticeView> list(@QueryParam("kind") String kind, @QueryParam("status") String status,
                                 @Parameter(description = "Notices whose window contains this instant")
                                 @QueryParam("activeAt") String activeAt,
                                 @QueryParam("from") String from, @QueryParam("to") String to,
                                 @Parameter(description = "Text in title, reason or areas") @QueryParam("q") String q,
                                 @QueryParam("community") String community, @QueryParam("cursor") String cursor,
                                 @Parameter(description = "1–200, default 50") @QueryParam("limit") String limit) {
        PageRequest page = PageRequest.of(cursor, limit);
        return service.list(NoticeQuery.parse(kind, status, activeAt, from, to, q, community, page.after(), isEditor()), page);
    }

    private boolean isEditor() {
        return Roles.hasAny(identity, EDITORS);
    }
}
