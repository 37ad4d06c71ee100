package org.shequ.notices.notice;

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
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.shequ.model.api.Page;
import org.shequ.notices.notice.api.AffectingNoticeView;
import org.shequ.notices.notice.api.CancelRequest;
import org.shequ.notices.notice.api.ExtendRequest;
import org.shequ.notices.notice.api.RestoreRequest;
import org.shequ.notices.notice.api.NoticeRequest;
import org.shequ.notices.notice.api.NoticeUpdate;
import org.shequ.notices.notice.api.NoticeView;
import org.shequ.platform.paging.Cursor;
import org.shequ.platform.paging.PageRequest;
import org.shequ.platform.problem.ResourceNotFoundException;
import org.shequ.platform.security.Roles;
import org.shequ.platform.web.Versioned;

@Path("/api/v1/notices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Notices", description = "Outages, closures, works and events residents must know about")
public class NoticeResource {

    private final NoticeService service;
    private final AffectingNotices affecting;
    private final NoticeEditors editors;
    private final Clock clock;

    public NoticeResource(NoticeService service, AffectingNotices affecting, NoticeEditors editors, Clock clock) {
        this.service = service;
        this.affecting = affecting;
        this.editors = editors;
        this.clock = clock;
    }

    @POST
    @RolesAllowed({Roles.COMMUNITY_ADMIN, Roles.DISTRICT_ADMIN, Roles.INTEGRATION})
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Create a notice", description = "A DRAFT unless publish is true. Emits shequ.notices.notice.drafted.v1 or .published.v1.")
    @APIResponseSchema(value = NoticeView.class, responseCode = "201",
            responseDescription = "Created: Location names it, ETag is its version")
    public RestResponse<NoticeView> create(NoticeRequest request, @Context UriInfo uri) {
        NoticeView created = service.create(request, editors.current());
        return Versioned.created(uri, created.id(), created.version(), created);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.COMMUNITY_ADMIN, Roles.DISTRICT_ADMIN, Roles.INTEGRATION})
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Change a notice", description = "The whole new content, with If-Match (428 without it, 412 "
            + "when stale). A change to a published notice raises its sequence and emits .updated.v1.")
    public RestResponse<NoticeView> update(@PathParam("id") String id,
                                           @Parameter(required = true) @HeaderParam("If-Match") String ifMatch,
                                           NoticeUpdate update) {
        NoticeView updated = service.update(id, Versioned.expected(ifMatch), update, editors.current());
        return Versioned.changed(updated.version(), updated);
    }

    @POST
    @Path("{id}/publish")
    @Consumes(MediaType.WILDCARD) // no body to send
    @RolesAllowed({Roles.COMMUNITY_ADMIN, Roles.DISTRICT_ADMIN, Roles.INTEGRATION})
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Publish a draft", description = "409 from any other status. If-Match is honoured when sent.")
    public RestResponse<NoticeView> publish(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        NoticeView published = service.publish(id, Versioned.expectedIfSent(ifMatch), editors.current());
        return Versioned.changed(published.version(), published);
    }

    @POST
    @Path("{id}/cancel")
    @RolesAllowed({Roles.COMMUNITY_ADMIN, Roles.DISTRICT_ADMIN, Roles.INTEGRATION})
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Cancel a published notice", description = "With the reason residents will read; raises "
            + "sequence and emits .cancelled.v1. 409 unless PUBLISHED and not yet over.")
    public RestResponse<NoticeView> cancel(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                           @Valid @NotNull CancelRequest request) {
        NoticeView cancelled = service.cancel(id, Versioned.expectedIfSent(ifMatch), request.reason(),
                editors.current());
        return Versioned.changed(cancelled.version(), cancelled);
    }

    @POST
    @Path("{id}/restore")
    @RolesAllowed({Roles.COMMUNITY_ADMIN, Roles.DISTRICT_ADMIN, Roles.INTEGRATION})
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Service came back early", description = "Ends a published notice at the actual end "
            + "(after its start, not after now, before the planned end), with an optional note; raises sequence "
            + "(a CAP Update, a calendar change) and emits .updated.v1. 409 unless PUBLISHED and not yet over.")
    public RestResponse<NoticeView> restore(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                                            @Valid @NotNull RestoreRequest request) {
        NoticeView restored = service.restore(id, Versioned.expectedIfSent(ifMatch), request, editors.current());
        return Versioned.changed(restored.version(), restored);
    }

    @POST
    @Path("{id}/extend")
    @RolesAllowed({Roles.COMMUNITY_ADMIN, Roles.DISTRICT_ADMIN, Roles.INTEGRATION})
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "The works overrun", description = "A later endsAt with the reason residents read; raises "
            + "sequence (a CAP Update, a calendar change) and emits .updated.v1. 409 unless PUBLISHED and not yet over.")
    public RestResponse<NoticeView> extend(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                                           @Valid @NotNull ExtendRequest request) {
        NoticeView extended = service.extend(id, Versioned.expectedIfSent(ifMatch), request, editors.current());
        return Versioned.changed(extended.version(), extended);
    }

    @GET
    @PermitAll
    @Path("affecting")
    @Operation(summary = "Am I affected?", description = "Published notices, running or upcoming, one of whose areas "
            + "the address names (see docs/ADDRESS-MATCHING.md), or whose area's geometry holds the position (in a "
            + "polygon, or near a line); each with the areas that matched and how exactly. By start, in pages.")
    public Page<AffectingNoticeView> affecting(
            @Parameter(description = "A street address or compound, e.g. 新建路12号 or 胜利东街7号院6号楼; or give lat and lon")
            @QueryParam("address") String address,
            @Parameter(description = "WGS84 latitude of a position, with lon, instead of an address: matched against "
                    + "the areas' geometry", schema = @Schema(type = SchemaType.NUMBER, minimum = "-90", maximum = "90"))
            @QueryParam("lat") String lat,
            @Parameter(description = "WGS84 longitude, with lat",
                    schema = @Schema(type = SchemaType.NUMBER, minimum = "-180", maximum = "180"))
            @QueryParam("lon") String lon,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        PageRequest page = PageRequest.of(cursor, limit);
        List<AffectingNoticeView> found;
        if (lat == null && lon == null) {
            found = affecting.at(address);
        } else {
            Position at = Position.of(lat, lon, address);
            found = affecting.near(at.lat(), at.lon());
        }
        return page.slice(found, notice -> new Cursor(notice.notice().startsAt().toInstant(), notice.notice().id()));
    }

    @GET
    @PermitAll
    @Path("{id}")
    @Operation(summary = "One notice", description = "With an ETag; If-None-Match answers 304 when unchanged.")
    public RestResponse<NoticeView> get(@PathParam("id") String id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        NoticeView notice = service.find(id, editors.current()).orElseThrow(() -> new ResourceNotFoundException("Notice", id));
        return Versioned.read(notice.version(), notice, ifNoneMatch);
    }

    @GET
    @PermitAll
    @Operation(summary = "List notices", description = "Newest first, in pages: pass nextCursor back as cursor.")
    public Page<NoticeView> list(@Parameter(schema = @Schema(implementation = NoticeKind.class))
                                 @QueryParam("kind") String kind,
                                 @Parameter(schema = @Schema(implementation = NoticeStatus.class))
                                 @QueryParam("status") String status,
                                 @Parameter(description = "Notices whose window contains this instant",
                                         schema = @Schema(type = SchemaType.STRING, format = "date-time"))
                                 @QueryParam("activeAt") String activeAt,
                                 @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date-time"))
                                 @QueryParam("from") String from,
                                 @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date-time"))
                                 @QueryParam("to") String to,
                                 @Parameter(description = "Text in title, reason or areas") @QueryParam("q") String q,
                                 @QueryParam("community") String community,
                                 @QueryParam("cursor") String cursor,
                                 @QueryParam("limit") String limit) {
        PageRequest page = PageRequest.of(cursor, limit);
        return service.list(NoticeQuery.parse(kind, status, activeAt, from, to, q, community, page.after(),
                editors.current().drafts(),
                clock.instant()), page);
    }
}
