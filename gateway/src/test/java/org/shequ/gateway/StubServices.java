package org.shequ.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * One in-process stub standing in for all four services, stoppable to play an outage and able to say it is not
 * ready. The real services are exercised end to end in deploy/e2e.
 */
public class StubServices implements QuarkusTestResourceLifecycleManager {

    static volatile boolean ready = true;
    static int managementPort;
    private static StubServer server;
    private static int port;

    @Override
    public Map<String, String> start() {
        port = freePort();
        managementPort = freePort();
        startServer();
        Map<String, String> config = new java.util.HashMap<>(everyServiceAt("http://127.0.0.1:" + port));
        config.putAll(Map.ofEntries(Map.entry("shequ.gateway.timeout", "PT2S"),
                Map.entry("shequ.gateway.probe-interval", "PT0.2S"),
                // Outages are played one after another here; a breaker left open by one must not fail the next.
                Map.entry("shequ.gateway.breaker.failure-threshold", "1000"),
                Map.entry("quarkus.management.test-port", String.valueOf(managementPort))));
        return config;
    }

    /** Every service of the gateway's routes at one address. */
    public static Map<String, String> everyServiceAt(String url) {
        return Map.of("shequ.gateway.upstreams.notices.url", url, "shequ.gateway.upstreams.grid-tasks.url", url,
                "shequ.gateway.upstreams.food-inspections.url", url, "shequ.gateway.upstreams.renovations.url", url,
                "shequ.gateway.upstreams.webhooks.url", url);
    }

    @Override
    public void stop() {
        stopServer();
    }

    static synchronized void startServer() {
        try {
            server = StubServer.http(port, "stub", () -> ready);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static synchronized void stopServer() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    static int freePort() {
        return org.shequ.local.LoopbackPorts.free();
    }
}
