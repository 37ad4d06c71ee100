package org.shequ.gateway.hostile;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.shequ.gateway.StubServices;

/** Every service behind the gateway is one {@link RawUpstream}, and the edge's deadlines are short. */
public class HostileUpstream implements QuarkusTestResourceLifecycleManager {

    static RawUpstream upstream;

    @Override
    public Map<String, String> start() {
        try {
            upstream = new RawUpstream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> config = new java.util.HashMap<>(
                StubServices.everyServiceAt("http://127.0.0.1:" + upstream.port()));
        config.putAll(Map.ofEntries(Map.entry("shequ.gateway.timeout", "PT1S"),
                Map.entry("shequ.gateway.edge.head-timeout", "PT1S"),
                Map.entry("shequ.gateway.edge.stall-timeout", "PT1S"),
                Map.entry("shequ.gateway.edge.answer-timeout", "PT3S"),
                Map.entry("shequ.gateway.edge.max-in-flight-per-client", "4"),
                Map.entry("shequ.gateway.edge.max-connections-per-client", "48"),
                Map.entry("shequ.gateway.max-body-bytes", "10000"),
                Map.entry("shequ.gateway.rate-limits.anonymous.quota", "100000"),
                Map.entry("shequ.gateway.rate-limits.default.quota", "100000"),
                Map.entry("shequ.gateway.probe-interval", "PT5S"),
                Map.entry("shequ.gateway.breaker.failure-threshold", "100000")));
        return config;
    }

    @Override
    public void stop() {
        try {
            if (upstream != null) {
                upstream.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
