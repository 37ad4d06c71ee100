package org.shequ.gateway.events;

import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.shequ.gateway.observability.RouteMetrics;
import org.shequ.gateway.proxy.Problems;

/**
 * {@code GET /api/v1/events}: Server-Sent Events of the public domain events of the services' topics, optionally
 * only some {@code types} (comma separated CloudEvents types) and one {@code community}. Each connection reads the
 * broker itself, from the position its {@code Last-Event-ID} names (else from now on), on a thread of its own; at
 * most {@code shequ.gateway.events.max-streams} at once per replica, beyond that a 503 with {@code Retry-After}.
 * Comment lines keep idle connections open through proxies; {@code X-Accel-Buffering: no} and no compression keep
 * every hop from holding events back.
 */
@ApplicationScoped
public class EventStream {

    private final EventsConfig config;
    private final Semaphore streams;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "shequ-event-stream");
        thread.setDaemon(true);
        return thread;
    });

    public EventStream(EventsConfig config) {
        this.config = config;
        this.streams = new Semaphore(config.maxStreams());
    }

    void mount(@Observes Router router) {
        router.get("/api/v1/events").order(-10).handler(this::open);
    }

    void stop(@Observes ShutdownEvent stop) throws InterruptedException {
        threads.shutdownNow();
        threads.awaitTermination(5, TimeUnit.SECONDS);
    }

    private void open(RoutingContext rc) {
        rc.put(RouteMetrics.ROUTE, "events");
        String lastEventId = Optional.ofNullable(rc.request().getHeader("Last-Event-ID"))
                .orElse(rc.request().getParam("lastEventId"));
        Optional<StreamPosition> from = Optional.empty();
        if (lastEventId != null && !lastEventId.isBlank()) {
            from = StreamPosition.decode(lastEventId);
            if (from.isEmpty()) {
                Problems.send(rc, 400, "invalid-input", "Invalid input",
                        "Last-Event-ID is not an id this stream gave out");
                return;
            }
        }
        if (!streams.tryAcquire()) {
            rc.response().putHeader("Retry-After", "10");
            Problems.send(rc, 503, "too-many-streams", "Too many event streams",
                    "This gateway serves as many event streams as it can; reconnect in a while");
            return;
        }
        Set<String> types = Optional.ofNullable(rc.request().getParam("types"))
                .map(list -> Arrays.stream(list.split(",")).map(String::strip).filter(t -> !t.isEmpty())
                        .collect(Collectors.toUnmodifiableSet()))
                .orElse(Set.of());
        String community = rc.request().getParam("community");
        HttpServerResponse response = rc.response();
        response.setChunked(true)
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/event-stream; charset=utf-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                .putHeader("X-Accel-Buffering", "no")
                .putHeader(HttpHeaders.CONTENT_ENCODING, HttpHeaders.IDENTITY);
        response.write("retry: 3000\n\n");
        StreamLoop loop = new StreamLoop(config, response, types, community, from);
        response.closeHandler(v -> loop.stop());
        threads.submit(() -> {
            try {
                loop.run();
            } finally {
                streams.release();
                if (!response.ended() && !response.closed()) {
                    response.end();
                }
            }
        });
    }
}
