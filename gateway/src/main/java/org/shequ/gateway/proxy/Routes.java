package org.shequ.gateway.proxy;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The gateway's own HTTP server sees only what the edge sends it: its own endpoints. Any other {@code /api} path
 * is a problem+json 404, not Vert.x' bare one.
 */
@ApplicationScoped
public class Routes {

    void mount(@Observes Router router) {
        router.route("/api/*").order(1_000).handler(rc -> Problems.send(rc, 404, "not-found", "Not found",
                "No API at " + rc.request().path() + "; see /q/swagger-ui for what there is"));
    }
}
