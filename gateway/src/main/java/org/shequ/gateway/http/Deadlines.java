package org.shequ.gateway.http;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.FastThreadLocal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Keeps every edge connection's deadlines (the request head, the answer's start, its progress and its end, idle
 * time) by looking at the connections of each event loop every {@link #TICK_MILLIS}, instead of a timer per request
 * (a timer is an allocation and two priority-queue operations on the hot path). A deadline is kept to one tick.
 */
final class Deadlines {

    static final long TICK_MILLIS = 50;

    private static final class Watch {
        final List<EdgeConnection> connections = new ArrayList<>();
        boolean ticking;
    }

    private final FastThreadLocal<Watch> watches = new FastThreadLocal<>() {
        @Override
        protected Watch initialValue() {
            return new Watch();
        }
    };

    /** Called on the connection's loop when it opens. */
    void watch(EdgeConnection connection, EventLoop loop) {
        Watch watch = watches.get();
        watch.connections.add(connection);
        if (!watch.ticking) {
            watch.ticking = true;
            loop.scheduleAtFixedRate(() -> tick(watch), TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** Called on the connection's loop when it closes. */
    void forget(EdgeConnection connection) {
        watches.get().connections.remove(connection);
    }

    private static void tick(Watch watch) {
        long now = System.nanoTime();
        for (int i = watch.connections.size() - 1; i >= 0 && i < watch.connections.size(); i--) {
            watch.connections.get(i).checkDeadlines(now);
        }
    }
}
