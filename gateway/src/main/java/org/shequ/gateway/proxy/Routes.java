package org.shequ.gateway.proxy;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.shequ.gateway.GatewayConfig;

/**
 * Mounts one route per public prefix of each service, plus {@code /openapi/<service>} for that service's OpenAPI
 * document (read by the gateway's Swagger UI). Ordered before Quarkus' own routes.
 */
@ApplicationScoped
public class Routes {

    private final GatewayConfig config;
    private final ReverseProxy proxy;

    public Routes(GatewayConfig config, ReverseProxy proxy) {
        this.config = config;
        this.proxy = proxy;
    }

    void mount(@Observes Router router) {
        config.upstreams().forEach((service, upstream) -> {
            UpstreamTarget target = UpstreamTarget.of(upstream.url());
            for (String prefix : upstream.prefixes()) {
                router.route(prefix).order(-10).handler(rc -> proxy.forward(rc, service, target, null));
                router.route(prefix + "/*").order(-10).handler(rc -> proxy.forward(rc, service, target, null));
            }
            router.get("/openapi/" + service).order(-10)
                    .handler(rc -> proxy.forward(rc, service, target, "/q/openapi?format=json"));
        });
        // Any other API path: a problem, not Vert.x' bare 404.
        router.route("/api/*").order(1_000).handler(rc -> Problems.send(rc, 404, "not-found", "Not found",
                "No API at " + rc.request().path() + "; see /q/swagger-ui for what there is"));
    }
}
