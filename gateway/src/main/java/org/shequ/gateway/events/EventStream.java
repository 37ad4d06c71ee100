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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.shequ.gateway.edge.Caller;
import org.shequ.gateway.edge.EdgeCaller;
import org.shequ.gateway.proxy.Problems;

/**
 * {@code GET /api/v1/events}: Server-Sent Events of the public facts among the services' events ({@link PublicFacts}),
 * behind the same edge checks as every route (a bad token is a 401, the rate limit applies), optionally
 * only some {@code types} (comma separated CloudEvents types) and one {@code community}. Each connection reads the
 * broker itself, from the position its {@code Last-Event-ID} names (else from now on), on a thread of its own; at
 * most {@code shequ.gateway.events.max-streams-per-client} per client (429 beyond) and
 * {@code shequ.gateway.events.max-streams} at once per replica, beyond that a 503 with {@code Retry-After}.
 * Comment lines keep idle connections open through proxies; {@code X-Accel-Buffering: no} and no compression keep
 * every hop from holding events back.
 */
@ApplicationScoped
public class EventStream {

    private final EventsConfig config;
    private final EdgeCaller edge;
    private final Semaphore streams;
    /** Open streams per client (its token's subject, else its address), so one client cannot take them all. */
    private final ConcurrentHashMap<String, AtomicInteger> perClient = new ConcurrentHashMap<>();
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "shequ-event-stream");
        thread.setDaemon(true);
        return thread;
    });

    public EventStream(EventsConfig config, EdgeCaller edge) {
        this.config = config;
        this.edge = edge;
        this.streams = new Semaphore(config.maxStreams());
    }

    void mount(@Observes Router router) {
        // The edge checked the token and spent the client's rate limit; this learns who the caller is.
        router.get("/api/v1/events").order(-10).handler(rc -> edge.of(rc, caller -> open(rc, caller)));
    }

    void stop(@Observes ShutdownEvent stop) throws InterruptedException {
        threads.shutdownNow();
        threads.awaitTermination(5, TimeUnit.SECONDS);
    }

    private void open(RoutingContext rc, Caller caller) {
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
        AtomicInteger own = perClient.computeIfAbsent(caller.limitKey(), k -> new AtomicInteger());
        if (own.incrementAndGet() > config.maxStreamsPerClient()) {
            release(caller, own);
            rc.response().putHeader("Retry-After", "10");
            Problems.send(rc, 429, "too-many-streams", "Too many event streams",
                    "This client has " + config.maxStreamsPerClient() + " event streams open already; close one first");
            return;
        }
        if (!streams.tryAcquire()) {
            release(caller, own);
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
                release(caller, own);
                if (!response.ended() && !response.closed()) {
                    response.end();
                }
            }
        });
    }

    private void release(Caller caller, AtomicInteger own) {
        if (own.decrementAndGet() <= 0) {
            perClient.remove(caller.limitKey(), own);
        }
    }
}
