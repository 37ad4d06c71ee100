package org.shequ.gateway.proxy;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Mounts one route per public prefix of each service, every one through the {@link EdgePipeline}. Ordered before
 * Quarkus' own routes; any other {@code /api} path is a problem+json 404.
 */
@ApplicationScoped
public class Routes {

    private final ServiceRoutes routes;
    private final EdgePipeline pipeline;

    public Routes(ServiceRoutes routes, EdgePipeline pipeline) {
        this.routes = routes;
        this.pipeline = pipeline;
    }

    void mount(@Observes Router router) {
        for (ServiceRoutes.ServiceRoute route : routes.all()) {
            router.route(route.prefix()).order(-10).handler(rc -> pipeline.handle(rc, route.service(), route.target(),
                    route.deadlineMillis()));
            router.route(route.prefix() + "/*").order(-10).handler(rc -> pipeline.handle(rc, route.service(),
                    route.target(), route.deadlineMillis()));
        }
        // Any other API path: a problem, not Vert.x' bare 404.
        router.route("/api/*").order(1_000).handler(rc -> Problems.send(rc, 404, "not-found", "Not found",
                "No API at " + rc.request().path() + "; see /q/swagger-ui for what there is"));
    }
}
