package org.shequ.gateway.limits;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.shequ.gateway.GatewayConfig;

/** One named rate limit: {@code quota} requests per {@code window}, for a service, a role, both or neither. */
public record Policy(String name, int quota, Duration window, Optional<String> service, Optional<String> role) {

    static List<Policy> from(GatewayConfig config) {
        int replicas = Math.max(1, config.rateLimitReplicas());
        List<Policy> policies = new ArrayList<>();
        config.rateLimits().forEach((name, limit) -> policies.add(new Policy(name,
                Math.max(1, limit.quota() / replicas), limit.window(), limit.service(), limit.role())));
        return policies;
    }

    boolean appliesTo(String requestService, Set<String> roles) {
        // Without Optional's lambdas: this runs for every request.
        return (service.isEmpty() || service.get().equals(requestService))
                && (role.isEmpty() || roles.contains(role.get()));
    }

    int specificity() {
        return (service.isPresent() ? 2 : 0) + (role.isPresent() ? 1 : 0);
    }
}
