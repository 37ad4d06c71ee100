package org.shequ.gateway.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * One place that sees every answer the gateway gives: it records {@code shequ_gateway_requests_seconds} per route
 * (the service, or the gateway's own endpoint), method and status class, with a latency histogram, and writes one
 * access-log line with the request id, route, status and latency as fields (JSON in production). Routes are a
 * handful of names, never raw paths, so the metric's cardinality stays bounded.
 */
@ApplicationScoped
public class RouteMetrics {

    private static final Logger ACCESS = Logger.getLogger("shequ.gateway.access");

    private final MeterRegistry registry;
    private final Map<String, Map<String, Timer[]>> timers = new ConcurrentHashMap<>();

    public RouteMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts one answer and logs it; the edge calls this for every request it answers or forwards. */
    public void record(String route, String method, int status, long nanos, String uri, String requestId) {
        // Looked up by route, then method, then status class: no key is built for each request.
        Timer[] byClass = timers.computeIfAbsent(route, r -> new ConcurrentHashMap<>())
                .computeIfAbsent(method, m -> new Timer[6]);
        int statusClass = Math.min(5, Math.max(0, status / 100));
        Timer timer = byClass[statusClass];
        if (timer == null) {
            timer = Timer.builder("shequ.gateway.requests")
                    .description("Requests answered by the gateway, by route, method and status class")
                    .tag("route", route).tag("method", method).tag("status", statusClass + "xx")
                    .publishPercentileHistogram()
                    .register(registry);
            byClass[statusClass] = timer;
        }
        timer.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        if (route.equals("management") || !ACCESS.isInfoEnabled()) {
            return;
        }
        MDC.put("requestId", requestId);
        MDC.put("route", route);
        MDC.put("status", String.valueOf(status));
        MDC.put("latencyMs", String.format("%.2f", nanos / 1e6));
        try {
            ACCESS.infof("%s %s %d %.2f ms route=%s rid=%s", method, uri, status, nanos / 1e6, route, requestId);
        } finally {
            MDC.remove("requestId");
            MDC.remove("route");
            MDC.remove("status");
            MDC.remove("latencyMs");
        }
    }
}
