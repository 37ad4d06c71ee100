package org.shequ.platform.web;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.shequ.model.api.Problem;
import org.shequ.model.api.RequestId;
import org.shequ.model.api.Stopping;

/**
 * From the moment the process is told to stop (SIGTERM), every new request is refused with a 503 and
 * {@code Connection: close}, so its client goes to another replica; requests already begun finish
 * ({@code quarkus.shutdown.timeout}). Quarkus' own drain leaves a window: once the requests it counted are done, a
 * request arriving on a kept-alive connection is still dispatched while the application shuts down, may commit, and
 * then loses its answer (shown by deploy/images' {@code ImagesIT.stoppingAnAppUnderLoadLosesNoAcceptedWrite}). The
 * gate closes at the start of shutdown instead, from a JVM shutdown hook, before any of that begins.
 */
@ApplicationScoped
public class ShutdownGate {

    void watch(@Observes StartupEvent start) {
        Stopping.watch();
    }

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            if (!Stopping.began()) {
                rc.next();
                return;
            }
            Problem problem = new Problem(Problem.type("shutting-down"), "Service unavailable", 503,
                    "This instance is stopping; send the request again", null,
                    rc.request().getHeader(RequestId.HEADER), null);
            rc.response().setStatusCode(503).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close").putHeader("Retry-After", "1").end(problem.toJson());
        }, 2000);
    }
}
