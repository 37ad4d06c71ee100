package org.shequ.gateway.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import io.smallrye.health.api.Wellness;

/**
 * How the services behind the gateway are doing, on {@code /q/health/well} (and in {@code /q/health}): DOWN while
 * any of them is. Deliberately not a readiness check: one stuck service must not make Kubernetes take every gateway
 * replica out of service and, with them, the services that work.
 */
@Wellness
@ApplicationScoped
public class UpstreamsHealth implements HealthCheck {

    private final UpstreamStates upstreams;

    public UpstreamsHealth(UpstreamStates upstreams) {
        this.upstreams = upstreams;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("upstreams").up();
        upstreams.states().forEach((service, state) -> {
            response.withData(service, state);
            if (!state.equals(UpstreamStates.UP)) {
                response.down();
            }
        });
        return response.build();
    }

    /** The gateway is ready when it can route; each upstream's own state is above, not here. */
    @Readiness
    @ApplicationScoped
    public static class GatewayReadiness implements HealthCheck {
        @Override
        public HealthCheckResponse call() {
            return HealthCheckResponse.up("gateway");
        }
    }
}
