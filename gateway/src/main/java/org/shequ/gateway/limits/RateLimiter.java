package org.shequ.gateway.limits;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
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
    private record BucketKey(String policy, String client) {
    }

    private final Map<BucketKey, TokenBucket> buckets = new ConcurrentHashMap<>();
    /** Decisions per policy, by the policy's index in {@link #policies}. */
    private final List<Counter> allowed;
    private final List<Counter> limited;
    private final LongSupplier nanoTime;
    private final Vertx vertx;
    private long sweeper = -1;

    @Inject
    public RateLimiter(GatewayConfig config, Vertx vertx, MeterRegistry metrics) {
        this(Policy.from(config), System::nanoTime, vertx, metrics);
        Gauge.builder("shequ.gateway.ratelimit.buckets", buckets, Map::size).strongReference(true).register(metrics);
    }

    RateLimiter(List<Policy> policies, LongSupplier nanoTime, Vertx vertx, MeterRegistry metrics) {
        this.policies = policies.stream().sorted(Comparator.comparingInt(Policy::specificity).reversed()).toList();
        this.nanoTime = nanoTime;
        this.vertx = vertx;
        this.allowed = this.policies.stream().map(p -> decisions(metrics, p, "allowed")).toList();
        this.limited = this.policies.stream().map(p -> decisions(metrics, p, "limited")).toList();
    }

    private static Counter decisions(MeterRegistry metrics, Policy policy, String outcome) {
        return Counter.builder("shequ.gateway.ratelimit.decisions").tag("policy", policy.name())
                .tag("outcome", outcome).register(metrics);
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
        int index = -1;
        for (int i = 0; i < policies.size(); i++) {
            if (policies.get(i).appliesTo(service, caller.roles())) {
                index = i;
                break;
            }
        }
        if (index == -1) {
            return Optional.empty();
        }
        Policy policy = policies.get(index);
        long now = nanoTime.getAsLong();
        TokenBucket bucket = buckets.computeIfAbsent(new BucketKey(policy.name(), caller.limitKey()),
                key -> new TokenBucket(policy.quota(), policy.window().toNanos(), now));
        TokenBucket.Decision decision = bucket.take(now);
        (decision.allowed() ? allowed : limited).get(index).increment();
        return Optional.of(new Verdict(policy, decision));
    }

    void forgetIdle() {
        long now = nanoTime.getAsLong();
        buckets.entrySet().removeIf(entry -> entry.getValue().isIdle(now));
    }
}
