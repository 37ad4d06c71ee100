package org.shequ.platform.web;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestResponse;
import org.shequ.platform.problem.InvalidInputException;
import org.shequ.platform.problem.PreconditionRequiredException;

/**
 * The HTTP side of optimistic locking, the same in every service: an aggregate's {@code @Version} is its ETag; a read
 * answers 304 to a matching {@code If-None-Match}; a change must send {@code If-Match} (428 without it) and gets 412
 * when it is stale.
 */
public final class Versioned {

    private Versioned() {
    }

    public static EntityTag etag(long version) {
        return new EntityTag(String.valueOf(version));
    }

    /** 201 with {@code Location} (under the path that was posted to, so under the gateway) and the ETag. */
    public static <T> RestResponse<T> created(UriInfo uri, String id, long version, T body) {
        return RestResponse.ResponseBuilder.<T>created(uri.getAbsolutePathBuilder().path(id).build())
                .tag(etag(version)).entity(body).build();
    }

    /** 200 with the ETag, or 304 when the client's {@code If-None-Match} already names this version. */
    public static <T> RestResponse<T> read(long version, T body, String ifNoneMatch) {
        EntityTag tag = etag(version);
        if (ifNoneMatch != null && (ifNoneMatch.strip().equals("*") || ifNoneMatch.contains(tag.toString()))) {
            return RestResponse.ResponseBuilder.<T>notModified(tag).build();
        }
        return RestResponse.ResponseBuilder.ok(body).tag(tag).build();
    }

    /** 200 with the ETag of the version a change left, so the client can send its next change without a read. */
    public static <T> RestResponse<T> changed(long version, T body) {
        return RestResponse.ResponseBuilder.ok(body).tag(etag(version)).build();
    }

    /**
     * For actions where {@code If-Match} is optional (publish, cancel, workflow steps): the version it names, or
     * {@code null} when none was sent, and then the action applies to whatever is current.
     */
    public static Long expectedIfSent(String ifMatch) {
        return ifMatch == null ? null : expected(ifMatch);
    }

    /** The version an {@code If-Match} names: 428 without one, 400 for one this service did not hand out. */
    public static long expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequiredException();
        }
        try {
            String value = ifMatch.strip();
            if (value.startsWith("W/")) {
                value = value.substring(2);
            }
            return Long.parseLong(value.replace("\"", ""));
        } catch (NumberFormatException e) {
            throw InvalidInputException.of("If-Match", "must be an ETag this service handed out");
        }
    }
}
