package org.shequ.platform.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;
import org.shequ.model.api.RequestId;

/**
 * Gives every request, health and metrics included, an {@code X-Request-Id}: the caller's (usually the gateway's)
 * or a new one. It is echoed on the response, set on the request for the access log, and put in the log MDC.
 */
@ApplicationScoped
public class RequestIdFilter {

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String id = RequestId.acceptOrCreate(rc.request().getHeader(RequestId.HEADER));
            rc.request().headers().set(RequestId.HEADER, id);
            rc.response().putHeader(RequestId.HEADER, id);
            MDC.put(RequestIds.MDC_KEY, id);
            rc.next();
        }, 1000);
    }
}
