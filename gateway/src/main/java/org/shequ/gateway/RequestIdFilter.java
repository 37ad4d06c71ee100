package org.shequ.gateway;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.shequ.model.api.RequestId;
import org.shequ.model.api.TraceParent;

/**
 * The gateway is where a request id is born: it keeps a sane one from the caller, makes one otherwise, sets it on
 * the request (so the proxy forwards it and the access log shows it) and on every response, health included. It is
 * also a hop of the W3C trace: the caller's {@code traceparent} goes on with the gateway as its parent, and a request
 * without one starts a trace ({@link TraceParent}).
 * The services run the same rule ({@link RequestId}) in the platform's filter, which also feeds their log MDC; the
 * gateway keeps its own few lines rather than depend on the platform, which brings a datasource and an outbox.
 */
@ApplicationScoped
public class RequestIdFilter {

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String id = RequestId.acceptOrCreate(rc.request().getHeader(RequestId.HEADER));
            rc.request().headers().set(RequestId.HEADER, id);
            rc.response().putHeader(RequestId.HEADER, id);
            rc.request().headers().set(TraceParent.HEADER, TraceParent.nextHop(rc.request().getHeader(TraceParent.HEADER)));
            rc.next();
        }, 1000);
    }
}
