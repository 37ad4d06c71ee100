package org.shequ.platform.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;
import org.shequ.model.api.RequestId;
import org.shequ.model.api.TraceParent;

/**
 * Gives every request, health and metrics included, an {@code X-Request-Id}: the caller's (usually the gateway's)
 * or a new one. It is echoed on the response, set on the request for the access log, and put in the log MDC, with
 * the W3C {@code traceparent} the gateway passed on (a new trace when there is none), which the outbox records.
 */
@ApplicationScoped
public class RequestIdFilter {

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String id = RequestId.acceptOrCreate(rc.request().getHeader(RequestId.HEADER));
            rc.request().headers().set(RequestId.HEADER, id);
            rc.response().putHeader(RequestId.HEADER, id);
            MDC.put(RequestIds.MDC_KEY, id);
            String trace = TraceParent.acceptOrStart(rc.request().getHeader(TraceParent.HEADER));
            rc.request().headers().set(TraceParent.HEADER, trace);
            MDC.put(RequestIds.TRACE_MDC_KEY, trace);
            rc.next();
        }, 1000);
    }
}
