package org.shequ.gateway.limits;

import io.micrometer.core.instrument.FunctionCounter;
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
import java.util.concurrent.atomic.LongAdder;
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
    record BucketKey(String policy, String client) {
    }

    private final Map<BucketKey, TokenBucket> buckets = new ConcurrentHashMap<>();
    /** Decisions per policy, by the policy's index in {@link #policies}. */
    private final List<LongAdder> allowed;
    private final List<LongAdder> limited;
    private final LongSupplier nanoTime;
    private final Vertx vertx;
    private long sweeper = -1;

    @Inject
    public RateLimiter(GatewayConfig config, Vertx vertx, MeterRegistry metrics) {
        this(Policy.from(config), System::nanoTime, vertx, metrics);
        Gauge.builder("shequ.gateway.ratelimit.buckets", buckets, Map::size)
                .description("Clients with a rate-limit bucket on this replica").strongReference(true).register(metrics);
    }

    RateLimiter(List<Policy> policies, LongSupplier nanoTime, Vertx vertx, MeterRegistry metrics) {
        this.policies = policies.stream().sorted(Comparator.comparingInt(Policy::specificity).reversed()).toList();
        this.nanoTime = nanoTime;
        this.vertx = vertx;
        // Function counters read their adders: ones left by an earlier start in this JVM (tests) would read stale ones.
        metrics.find("shequ.gateway.ratelimit.decisions").meters().forEach(metrics::remove);
        this.allowed = this.policies.stream().map(p -> decisions(metrics, p, "allowed")).toList();
        this.limited = this.policies.stream().map(p -> decisions(metrics, p, "limited")).toList();
    }

    /** Counted in a plain adder the registry reads when scraped: the registry's own counter costs more per request. */
    private static LongAdder decisions(MeterRegistry metrics, Policy policy, String outcome) {
        LongAdder count = new LongAdder();
        FunctionCounter.builder("shequ.gateway.ratelimit.decisions", count, LongAdder::doubleValue)
                .tag("policy", policy.name()).tag("outcome", outcome)
                .description("Rate-limit decisions, by policy and outcome (allowed, limited)").register(metrics);
        return count;
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
        Lane lane = lane(service, caller);
        return lane == null ? Optional.empty() : Optional.of(take(lane));
    }

    /**
     * Where a caller's requests toward a service are counted: its policy and bucket. A connection keeps its lane
     * while the caller stays the same, so a request costs no policy search or map lookup; null when no policy
     * applies.
     */
    public Lane lane(String service, Caller caller) {
        for (int i = 0; i < policies.size(); i++) {
            if (policies.get(i).appliesTo(service, caller.roles())) {
                return new Lane(i, new BucketKey(policies.get(i).name(), caller.limitKey()), new TokenBucket[1]);
            }
        }
        return null;
    }

    /** Spends one request of the lane's allowance. */
    public Verdict take(Lane lane) {
        Policy policy = policies.get(lane.policy());
        long now = nanoTime.getAsLong();
        TokenBucket.Decision decision = null;
        while (decision == null) {
            TokenBucket bucket = lane.bucket()[0];
            if (bucket == null) {
                bucket = buckets.computeIfAbsent(lane.key(),
                        key -> new TokenBucket(policy.quota(), policy.window().toNanos(), now));
                lane.bucket()[0] = bucket;
            }
            decision = bucket.takeIfKept(now);
            if (decision == null) {
                lane.bucket()[0] = null; // forgotten by the sweeper since: the client's bucket is a new one now
            }
        }
        (decision.allowed() ? allowed : limited).get(lane.policy()).increment();
        return new Verdict(policy, decision);
    }

    /** A caller's policy (by index) and, once looked up, its bucket. */
    public record Lane(int policy, BucketKey key, TokenBucket[] bucket) {
    }

    void forgetIdle() {
        long now = nanoTime.getAsLong();
        buckets.values().removeIf(bucket -> bucket.forgetIfIdle(now));
    }
}
