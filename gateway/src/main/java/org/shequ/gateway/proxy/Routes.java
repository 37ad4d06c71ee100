package org.shequ.gateway.proxy;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.shequ.gateway.GatewayConfig;

/**
 * Mounts one route per public prefix of each service, every one through the {@link EdgePipeline}. Ordered before
 * Quarkus' own routes; any other {@code /api} path is a problem+json 404.
 */
@ApplicationScoped
public class Routes {

    private final GatewayConfig config;
    private final EdgePipeline pipeline;

    public Routes(GatewayConfig config, EdgePipeline pipeline) {
        this.config = config;
        this.pipeline = pipeline;
    }

    void mount(@Observes Router router) {
        config.upstreams().forEach((service, upstream) -> {
            UpstreamTarget target = UpstreamTarget.of(upstream.url());
            long deadline = upstream.timeout().orElse(config.timeout()).toMillis();
            for (String prefix : upstream.prefixes()) {
                router.route(prefix).order(-10).handler(rc -> pipeline.handle(rc, service, target, deadline));
                router.route(prefix + "/*").order(-10).handler(rc -> pipeline.handle(rc, service, target, deadline));
            }
        });
        // Any other API path: a problem, not Vert.x' bare 404.
        router.route("/api/*").order(1_000).handler(rc -> Problems.send(rc, 404, "not-found", "Not found",
                "No API at " + rc.request().path() + "; see /q/swagger-ui for what there is"));
    }
}
