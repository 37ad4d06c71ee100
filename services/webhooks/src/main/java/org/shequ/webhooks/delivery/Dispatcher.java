package org.shequ.webhooks.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.shequ.webhooks.signing.WebhookSignature;
import org.shequ.webhooks.subscription.EndpointGuard;
import org.shequ.webhooks.subscription.Subscription;
import org.shequ.webhooks.subscription.SubscriptionRepository;

/**
 * Sends due deliveries. Every replica runs one: a round claims deliveries that head their subscription's queue with
 * {@code FOR UPDATE SKIP LOCKED} and leases them for the call's length, so replicas never send one twice and a
 * subscription's deliveries leave in order; the calls then run outside any transaction, a few per endpoint host at
 * most, so one slow receiver cannot starve the others; each answer is written back in its own transaction
 * ({@link DeliveryOutcomes}). A replica that dies mid-call leaves the lease to expire; the delivery is sent again,
 * with the same {@code webhook-id}, which is what receivers de-duplicate on.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    private static final int PER_HOST = 4;
    private static final int IN_FLIGHT = 16;

    private final DeliveryRepository deliveries;
    private final SubscriptionRepository subscriptions;
    private final DeliveryOutcomes outcomes;
    private final EndpointGuard guard;
    private final WebhookConfig config;
    private final Clock clock;
    private final Counter sent;
    private final HttpClient http;
    private final Map<String, Semaphore> hosts = new ConcurrentHashMap<>();
    /** Calls under way; a round claims no more than there are free, so nothing claimed waits in a queue. */
    private final Semaphore inFlight = new Semaphore(IN_FLIGHT);
    private final ExecutorService calls = Executors.newFixedThreadPool(IN_FLIGHT, r -> {
        Thread thread = new Thread(r, "webhook-call");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean running;
    private Thread worker;

    public Dispatcher(DeliveryRepository deliveries, SubscriptionRepository subscriptions, DeliveryOutcomes outcomes,
                      EndpointGuard guard, WebhookConfig config, Clock clock, MeterRegistry metrics) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.outcomes = outcomes;
        this.guard = guard;
        this.config = config;
        this.clock = clock;
        this.sent = Counter.builder("shequ.webhooks.calls")
                .description("Calls made to subscribers' endpoints, whatever they answered").register(metrics);
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(config.timeout()).build();
    }

    void start(@Observes StartupEvent start) {
        if (!config.dispatch()) {
            return;
        }
        running = true;
        worker = new Thread(this::loop, "webhook-dispatcher");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent stop) {
        running = false;
        if (worker != null) {
            worker.interrupt();
        }
        calls.shutdown();
        try {
            calls.awaitTermination(config.timeout().toSeconds() + 2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        while (running) {
            try {
                int claimed = round();
                if (claimed == 0) {
                    Thread.sleep(config.pollInterval().toMillis());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warnf("Webhook dispatch round failed: %s", e.getMessage());
                sleep(Duration.ofSeconds(1));
            }
        }
    }

    /**
     * Claims and starts due deliveries, as many as there are free call slots; answers how many were claimed. The lease
     * outlasts the longest call (connection and answer, each up to the timeout), so no other replica takes a
     * delivery while its call may still be running.
     */
    public int round() {
        int free = inFlight.availablePermits();
        if (free == 0) {
            return 0;
        }
        Instant now = clock.instant();
        Instant leaseUntil = now.plus(config.timeout().multipliedBy(2)).plusSeconds(5);
        List<Claimed> claimed = QuarkusTransaction.requiringNew().call(() -> {
            List<Delivery> due = deliveries.claimDue(now, free);
            return due.stream().map(d -> {
                d.leaseUntil = leaseUntil;
                Subscription s = subscriptions.findById(d.subscriptionId);
                return new Claimed(d.id, d.eventId, d.body, d.attempts, d.createdAt, s.id, s.url,
                        s.signingSecrets(now));
            }).toList();
        });
        for (Claimed delivery : claimed) {
            String host = URI.create(delivery.url()).getHost();
            Semaphore slots = hosts.computeIfAbsent(host, h -> new Semaphore(PER_HOST));
            if (!slots.tryAcquire()) {
                outcomes.release(delivery.id()); // the host is busy: another round takes it
                continue;
            }
            inFlight.acquireUninterruptibly(); // never waits: this round claimed no more than were free
            calls.submit(() -> {
                try {
                    call(delivery);
                } finally {
                    slots.release();
                    inFlight.release();
                }
            });
        }
        return claimed.size();
    }

    private void call(Claimed delivery) {
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        Integer status = null;
        String error = null;
        String retryAfter = null;
        var refusal = guard.refusal(delivery.url());
        if (refusal.isPresent()) {
            error = "endpoint refused: url " + refusal.get();
        } else {
            long timestamp = started.getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url()))
                    .timeout(config.timeout())
                    .header("Content-Type", "application/json")
                    .header("webhook-id", delivery.eventId())
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", WebhookSignature.header(delivery.secrets(), delivery.eventId(),
                            timestamp, delivery.body()))
                    .header("User-Agent", "Shequ-Webhooks/1")
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.body(), StandardCharsets.UTF_8))
                    .build();
            try {
                HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                status = response.statusCode();
                retryAfter = response.headers().firstValue("Retry-After").orElse(null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = "interrupted";
            } catch (Exception e) {
                error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
        }
        sent.increment();
        int latency = (int) ((System.nanoTime() - t0) / 1_000_000);
        outcomes.record(delivery.id(), delivery.subscriptionId(), started, status, latency, error, retryAfter);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What a call needs, read while the delivery was claimed. */
    record Claimed(String id, String eventId, String body, int attempts, Instant createdAt, String subscriptionId,
                   String url, List<String> secrets) {
    }
}
