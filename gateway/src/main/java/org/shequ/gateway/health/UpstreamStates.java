package org.shequ.gateway.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.shequ.gateway.GatewayConfig;
import org.shequ.gateway.proxy.UpstreamTarget;

/**
 * Probes each service's readiness in the background, every {@code shequ.gateway.probe-interval}, and keeps the last
 * answer for the health data and the {@code shequ_gateway_upstream_up} metric. Nothing waits on a probe: a frozen
 * service cannot slow a health check of the gateway down, let alone take the gateway out of service.
 */
@ApplicationScoped
public class UpstreamStates {

    static final String UP = "UP";
    private static final long PROBE_TIMEOUT_MILLIS = 2_000;

    private final GatewayConfig config;
    private final HttpClient client;
    private final Vertx vertx;
    private final Map<String, String> states = new ConcurrentHashMap<>();
    private long timer = -1;

    public UpstreamStates(GatewayConfig config, HttpClient client, Vertx vertx, MeterRegistry metrics) {
        this.config = config;
        this.client = client;
        this.vertx = vertx;
        config.upstreams().keySet().forEach(service -> {
            states.put(service, "UNKNOWN (not probed yet)");
            // Held strongly: a weakly held state map can be collected between scrapes and drop out of them.
            Gauge.builder("shequ.gateway.upstream.up", states, s -> UP.equals(s.get(service)) ? 1 : 0)
                    .tags(Tags.of("service", service)).description("1 while the service's readiness probe passes")
                    .strongReference(true).register(metrics);
        });
    }

    void start(@Observes StartupEvent start) {
        probeAll();
        timer = vertx.setPeriodic(config.probeInterval().toMillis(), id -> probeAll());
    }

    void stop(@Observes ShutdownEvent stop) {
        if (timer != -1) {
            vertx.cancelTimer(timer);
        }
    }

    /** The last known state of each service: UP, DOWN (HTTP 503), NOT ANSWERING or UNREACHABLE (...). */
    public Map<String, String> states() {
        return new TreeMap<>(states);
    }

    private void probeAll() {
        config.upstreams().forEach((service, upstream) -> probe(service, UpstreamTarget.of(upstream.url())));
    }

    private void probe(String service, UpstreamTarget target) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(target.host())
                .setPort(target.port())
                .setSsl(target.tls())
                .setURI("/q/health/ready")
                .setTimeout(PROBE_TIMEOUT_MILLIS);
        client.request(options)
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> response.statusCode()))
                .onSuccess(status -> states.put(service, status == 200 ? UP : "DOWN (HTTP " + status + ")"))
                .onFailure(failure -> states.put(service, failure.getClass().getSimpleName().contains("Timeout")
                        ? "NOT ANSWERING (no answer in " + PROBE_TIMEOUT_MILLIS + " ms)"
                        : "UNREACHABLE (" + rootCause(failure) + ")"));
    }

    private static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }
}
