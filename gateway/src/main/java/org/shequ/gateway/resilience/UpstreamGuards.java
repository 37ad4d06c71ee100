package org.shequ.gateway.resilience;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
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
@Startup // so the metrics exist before the first request
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
            Gauge.builder("shequ.gateway.upstream.breaker.state", guard, g -> switch (g.breaker().state()) {
                case CLOSED -> 0;
                case HALF_OPEN -> 1;
                case OPEN -> 2;
            }).description("0 closed, 1 half-open, 2 open").tags(Tags.of("service", service)).strongReference(true)
                    .register(metrics);
            Gauge.builder("shequ.gateway.upstream.in.flight", guard.inFlight(), AtomicInteger::get)
                    .tags(Tags.of("service", service)).description("Requests to the service waiting for its answer")
                    .strongReference(true).register(metrics);
        });
    }

    /** Requests in flight to any service from this replica. */
    public int inFlight() {
        return guards.values().stream().mapToInt(guard -> guard.inFlight().get()).sum();
    }

    public Guard of(String service) {
        return guards.get(service);
    }
}
