package org.shequ.gateway.proxy;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.shequ.gateway.GatewayConfig;
import org.shequ.gateway.http.EdgeRoutes;

/**
 * The public path prefixes of the services, each with its service, address and deadline: one table the edge routes
 * by (with the gateway's own endpoints, {@code EdgeRoutes}) and the health probes read.
 */
@ApplicationScoped
public class ServiceRoutes {

    /** A prefix and where requests under it go. */
    public record ServiceRoute(String prefix, String service, UpstreamTarget target, long deadlineMillis,
                               EdgeRoutes.Destination destination) {

        ServiceRoute(String prefix, String service, UpstreamTarget target, long deadlineMillis) {
            this(prefix, service, target, deadlineMillis,
                    new EdgeRoutes.Destination(service, target, deadlineMillis, true, false));
        }

        boolean matches(String path) {
            return path.startsWith(prefix)
                    && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
        }
    }

    private final List<ServiceRoute> routes = new ArrayList<>();

    public ServiceRoutes(GatewayConfig config) {
        config.upstreams().forEach((service, upstream) -> {
            UpstreamTarget target = UpstreamTarget.of(upstream.url());
            long deadline = upstream.timeout().orElse(config.timeout()).toMillis();
            upstream.prefixes().forEach(prefix -> routes.add(new ServiceRoute(prefix, service, target, deadline)));
        });
    }

    public List<ServiceRoute> all() {
        return routes;
    }

    /** The route a (normalised) path falls under, or {@code null}. */
    public ServiceRoute match(String path) {
        for (ServiceRoute route : routes) {
            if (route.matches(path)) {
                return route;
            }
        }
        return null;
    }
}
