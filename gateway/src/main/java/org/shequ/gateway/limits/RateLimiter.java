package org.shequ.gateway.limits;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.shequ.gateway.GatewayConfig;
import org.shequ.gateway.edge.Caller;

/**
 * Per-client token buckets, one per (policy, client) pair, held in this replica's memory. The policy for a request is
 * the most specific configured one: service and role, then service, then role, then the one with neither. With
 * {@code rate-limit-replicas} N each replica enforces 1/N of the quota, so behind a load balancer that spreads a
 * client evenly the sum is the quota (docs/GATEWAY.md, "Limits with several replicas"). Full buckets are forgotten
 * every minute, so memory follows the clients active in the last window, not every address ever seen.
 */
@ApplicationScoped
public class RateLimiter {

    private final List<Policy> policies;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;
    private final Vertx vertx;
    private final MeterRegistry metrics;
    private long sweeper = -1;

    @Inject
    public RateLimiter(GatewayConfig config, Vertx vertx, MeterRegistry metrics) {
        this(Policy.from(config), System::nanoTime, vertx, metrics);
        metrics.gaugeMapSize("shequ.gateway.ratelimit.buckets", List.of(), buckets);
    }

    RateLimiter(List<Policy> policies, LongSupplier nanoTime, Vertx vertx, MeterRegistry metrics) {
        this.policies = policies.stream().sorted(Comparator.comparingInt(Policy::specificity).reversed()).toList();
        this.nanoTime = nanoTime;
        this.vertx = vertx;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent start) {
        sweeper = vertx.setPeriodic(60_000, id -> forgetIdle());
    }

    void stop(@Observes ShutdownEvent stop) {
        if (sweeper != -1) {
            vertx.cancelTimer(sweeper);
        }
    }

    /** Spends one request of the caller's allowance toward {@code service}; empty when no policy applies. */
    public Optional<Verdict> take(String service, Caller caller) {
        Optional<Policy> policy = policies.stream().filter(p -> p.appliesTo(service, caller.roles())).findFirst();
        if (policy.isEmpty()) {
            return Optional.empty();
        }
        Policy p = policy.get();
        long now = nanoTime.getAsLong();
        TokenBucket bucket = buckets.computeIfAbsent(p.name() + '|' + caller.limitKey(),
                key -> new TokenBucket(p.quota(), p.window().toNanos(), now));
        TokenBucket.Decision decision = bucket.take(now);
        Counter.builder("shequ.gateway.ratelimit.decisions").tag("policy", p.name())
                .tag("outcome", decision.allowed() ? "allowed" : "limited").register(metrics).increment();
        return Optional.of(new Verdict(p, decision));
    }

    void forgetIdle() {
        long now = nanoTime.getAsLong();
        buckets.entrySet().removeIf(entry -> entry.getValue().isIdle(now));
    }

    int bucketCount() {
        return buckets.size();
    }
}
