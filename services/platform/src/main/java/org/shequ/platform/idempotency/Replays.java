package org.shequ.platform.idempotency;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A retry with a key already answered gets the first answer again, as it was: status, headers and body. */
public class Replays {

    @ServerExceptionMapper
    public Response replay(IdempotentCreates.AnsweredBefore answered) {
        IdempotentRequest stored = answered.stored;
        Response.ResponseBuilder replay = Response.status(stored.status).entity(stored.body);
        if (stored.location != null) {
            replay.header(HttpHeaders.LOCATION, stored.location);
        }
        if (stored.etag != null) {
            replay.header(HttpHeaders.ETAG, stored.etag);
        }
        if (stored.contentType != null) {
            replay.header(HttpHeaders.CONTENT_TYPE, stored.contentType);
        }
        return replay.build();
    }
}
