package org.shequ.gateway.http;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.ConfigProvider;
import org.shequ.gateway.GatewayConfig;
import org.shequ.gateway.proxy.ServiceRoutes;
import org.shequ.gateway.proxy.UpstreamTarget;

/**
 * Where a request goes once admitted: a service's prefix, else the gateway's own HTTP server (its endpoints, health,
 * the merged OpenAPI document, and the 404 for anything else). The name is what rate-limit policies and metrics
 * call the route: the service's name, or {@code neighbourhood}, {@code events}, {@code management}
 * (health, OpenAPI) or {@code gateway}.
 */
@ApplicationScoped
public class EdgeRoutes {

    /**
     * A route: {@code guarded} ones are a service's (circuit breaker, in-flight cap); a {@code stream} answer (the
     * event stream) has no end to wait for, so only its progress is watched.
     */
    public record Destination(String name, UpstreamTarget target, long deadlineMillis, boolean guarded,
                              boolean stream) {
    }

    private final ServiceRoutes services;
    private final Destination neighbourhood;
    private final Destination events;
    private final Destination own;
    private final Destination management;

    public EdgeRoutes(ServiceRoutes services, GatewayConfig config) {
        this.services = services;
        UpstreamTarget self = UpstreamTarget.unixSocket(ConfigProvider.getConfig()
                .getValue("quarkus.http.domain-socket", String.class));
        long deadline = config.timeout().toMillis();
        this.neighbourhood = new Destination("neighbourhood", self, deadline, false, false);
        this.events = new Destination("events", self, deadline, false, true);
        this.own = new Destination("gateway", self, deadline, false, false);
        this.management = new Destination("management", self, deadline, false, false);
    }

    /** Where a normalised path goes. */
    public Destination of(String path) {
        ServiceRoutes.ServiceRoute route = services.match(path);
        if (route != null) {
            return route.destination();
        }
        if (path.equals("/api/v1/neighbourhood")) {
            return neighbourhood;
        }
        if (path.equals("/api/v1/events")) {
            return events;
        }
        return path.startsWith("/q/") ? management : own;
    }
}
