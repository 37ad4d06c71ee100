package org.shequ.gateway.http;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.shequ.gateway.GatewayConfig;

/**
 * How much of the gateway one client holds: connections per address, requests in flight per caller. Without these,
 * a few clients that open connections and never read could hold every slot a service has, and every other client
 * would get 503 {@code upstream-busy}. Counts are dropped when they reach zero, so memory follows active clients.
 */
final class ClientSlots {

    private final ConcurrentHashMap<String, AtomicInteger> connections = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final LongAdder open = new LongAdder();
    private final int maxConnections;
    private final int maxInFlight;

    ClientSlots(GatewayConfig.Edge settings) {
        this.maxConnections = settings.maxConnectionsPerClient();
        this.maxInFlight = settings.maxInFlightPerClient();
    }

    /** Takes a connection slot for the address, or says it has none left. */
    boolean connect(String address) {
        if (!take(connections, address, maxConnections)) {
            return false;
        }
        open.increment();
        return true;
    }

    void disconnect(String address) {
        give(connections, address);
        open.decrement();
    }

    /** Takes an in-flight slot for the caller (its rate-limit key), or says it has none left. */
    boolean enter(String caller) {
        return take(inFlight, caller, maxInFlight);
    }

    void leave(String caller) {
        give(inFlight, caller);
    }

    double connections() {
        return open.sum();
    }

    private static boolean take(ConcurrentHashMap<String, AtomicInteger> counts, String key, int max) {
        boolean[] taken = {false};
        counts.compute(key, (k, count) -> {
            AtomicInteger held = count == null ? new AtomicInteger() : count;
            if (held.get() < max) {
                held.incrementAndGet();
                taken[0] = true;
            }
            return held.get() == 0 ? null : held;
        });
        return taken[0];
    }

    private static void give(ConcurrentHashMap<String, AtomicInteger> counts, String key) {
        counts.computeIfPresent(key, (k, count) -> count.decrementAndGet() <= 0 ? null : count);
    }
}
