package org.shequ.gateway.resilience;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.shequ.gateway.GatewayConfig;

/**
 * What stands between the gateway and each service: its circuit breaker, its bound on requests in flight (so a slow
 * service gets a fast 503 instead of a pile-up in this process) and its retry budget. Metrics show each breaker's
 * state (0 closed, 1 half-open, 2 open) and the requests in flight.
 */
@ApplicationScoped
public class UpstreamGuards {

    public record Guard(String service, CircuitBreaker breaker, AtomicInteger inFlight, int maxInFlight,
                        RetryBudget retries) {

        /** Takes a place in the service's queue, or says there is none. */
        public boolean enter() {
            if (inFlight.incrementAndGet() > maxInFlight) {
                inFlight.decrementAndGet();
                return false;
            }
            return true;
        }

        public void leave() {
            inFlight.decrementAndGet();
        }
    }

    private final Map<String, Guard> guards = new HashMap<>();

    public UpstreamGuards(GatewayConfig config, MeterRegistry metrics) {
        config.upstreams().forEach((service, upstream) -> {
            Guard guard = new Guard(service, new CircuitBreaker(config.breaker().failureThreshold(),
                    config.breaker().openFor().toNanos(), System::nanoTime), new AtomicInteger(),
                    upstream.maxInFlight(), new RetryBudget(config.retry().budgetRatio()));
            guards.put(service, guard);
            metrics.gauge("shequ.gateway.upstream.breaker.state", Tags.of("service", service), guard,
                    g -> g.breaker().state().ordinal() == 0 ? 0 : g.breaker().state() == CircuitBreaker.State.OPEN ? 2 : 1);
            metrics.gauge("shequ.gateway.upstream.in.flight", Tags.of("service", service), guard.inFlight());
        });
    }

    public Guard of(String service) {
        return guards.get(service);
    }
}
