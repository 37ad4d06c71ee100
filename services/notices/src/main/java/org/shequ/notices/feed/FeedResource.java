package org.shequ.notices.feed;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.Date;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.shequ.notices.notice.AffectingNotices;
import org.shequ.platform.problem.ResourceNotFoundException;

/** Feeds of the published notices. Public; polling clients get a 304 when nothing changed. */
@Path("/api/v1/notices")
@Tag(name = "Notice feeds", description = "Atom, iCalendar and CAP 1.2 for apps, calendars and alert aggregators")
public class FeedResource {

    private final Feeds feeds;

    public FeedResource(Feeds feeds) {
        this.feeds = feeds;
    }

    @GET
    @PermitAll
    @Path("feed.atom")
    @Produces(AtomWriter.MEDIA_TYPE)
    @Operation(summary = "Atom feed of the notices", description = "The 500 public notices changed last, newest first.")
    @APIResponseSchema(value = String.class, responseCode = "200",
            responseDescription = "The Atom feed, with its ETag and Last-Modified")
    @APIResponse(responseCode = "304", description = "Not modified: the copy the client holds is current")
    public RestResponse<String> atom(@Context UriInfo uri, @Context Request request) {
        Instant last = feeds.lastChange();
        return conditional(request, feeds.version("atom", last), () -> feeds.atom(base(uri), last));
    }

    @GET
    @PermitAll
    @Path("calendar.ics")
    @Produces(CalendarWriter.MEDIA_TYPE)
    @Operation(summary = "iCalendar of the notices", description = "One VEVENT per notice running, upcoming or ended "
            + "in the last 30 days; cancelled ones as STATUS:CANCELLED. With address, only those affecting it.")
    @APIResponseSchema(value = String.class, responseCode = "200",
            responseDescription = "The iCalendar, with its ETag and Last-Modified")
    @APIResponse(responseCode = "304", description = "Not modified: the copy the client holds is current")
    public RestResponse<String> calendar(@Parameter(description = "Only the notices affecting this address, e.g. 新建路12号")
                                         @QueryParam("address") String address,
                                         @Context UriInfo uri, @Context Request request) {
        if (address != null) {
            AffectingNotices.checked(address); // a bad address is a 400 even to a client that sends a tag
        }
        Instant last = feeds.lastChange();
        return conditional(request, feeds.version(Feeds.calendarVariant(address), last),
                () -> feeds.calendar(base(uri), address, last));
    }

    @GET
    @PermitAll
    @Path("cap.atom")
    @Produces(AtomWriter.MEDIA_TYPE)
    @Operation(summary = "Index of the current CAP messages", description = "Notices not yet over, with a link to "
            + "each one's latest CAP message.")
    @APIResponseSchema(value = String.class, responseCode = "200",
            responseDescription = "The Atom index of CAP messages, with its ETag and Last-Modified")
    @APIResponse(responseCode = "304", description = "Not modified: the copy the client holds is current")
    public RestResponse<String> capIndex(@Context UriInfo uri, @Context Request request) {
        Instant last = feeds.lastChange();
        return conditional(request, feeds.version("cap-index", last), () -> feeds.capIndex(base(uri), last));
    }

    @GET
    @PermitAll
    @Path("{id}/cap")
    @Produces(CapWriter.MEDIA_TYPE)
    @Operation(summary = "The notice as an OASIS CAP 1.2 message", description = "Alert when first published, Update "
            + "after a change, Cancel after a cancellation; the last two reference the message before them.")
    @APIResponseSchema(value = String.class, responseCode = "200",
            responseDescription = "The CAP 1.2 message, with its ETag and Last-Modified")
    @APIResponse(responseCode = "304", description = "Not modified: the copy the client holds is current")
    public RestResponse<String> cap(@PathParam("id") String id, @Context UriInfo uri, @Context Request request) {
        Feeds.Document document = feeds.cap(id, base(uri)).orElseThrow(() -> new ResourceNotFoundException("Notice", id));
        return conditional(request, document.version(), () -> document);
    }

    /**
     * 304 when the client's copy is current, judged before the document is built from its version alone;
     * otherwise the document with its ETag and Last-Modified (which If-Modified-Since is judged against).
     */
    private static RestResponse<String> conditional(Request request, String knownVersion,
                                                    java.util.function.Supplier<Feeds.Document> build) {
        Response.ResponseBuilder current = request.evaluatePreconditions(new EntityTag(knownVersion, true));
        if (current != null) {
            return bodiless(current);
        }
        Feeds.Document document = build.get();
        EntityTag tag = new EntityTag(document.version(), true);
        Date lastModified = Date.from(document.lastModified());
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(lastModified, tag);
        if (unchanged != null) {
            return bodiless(unchanged);
        }
        return RestResponse.ResponseBuilder.ok(document.body(), document.mediaType() + ";charset=UTF-8")
                .tag(tag).lastModified(lastModified).header("Cache-Control", "public, max-age=60").build();
    }

    /** The 304 or 412 that JAX-RS judged, with the headers it gave it (the ETag). */
    private static RestResponse<String> bodiless(Response.ResponseBuilder judged) {
        Response answer = judged.build();
        RestResponse.ResponseBuilder<String> out = RestResponse.ResponseBuilder.create(answer.getStatus());
        answer.getHeaders().forEach((name, values) -> values.forEach(value -> out.header(name, value)));
        return out.build();
    }

    private static String base(UriInfo uri) {
        String base = uri.getBaseUri().toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
