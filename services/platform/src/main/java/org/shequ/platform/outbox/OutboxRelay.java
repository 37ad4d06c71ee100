package org.shequ.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;
import org.shequ.model.cloudevents.CloudEvent;
import org.shequ.model.cloudevents.KafkaBinding;
import org.shequ.platform.config.ShequConfig;

/**
 * Publishes outbox rows to Kafka, oldest first, and marks them published in the same database transaction that
 * locked them. Kafka being down only delays events: rows stay pending and the relay retries with backoff. A crash
 * after the send but before the commit can send an event twice, with the same {@code ce_id}; consumers dedupe on it.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final Duration CLEANUP_EVERY = Duration.ofMinutes(10);

    private final OutboxRepository repository;
    private final OutboxProducers producers;
    private final ShequConfig.Outbox config;
    private final Clock clock;
    private final Counter published;
    private final Counter failures;
    private final AtomicLong pending = new AtomicLong();
    private final Semaphore wakeUp = new Semaphore(0);

    private volatile boolean running;
    private volatile Thread worker;
    private Producer<String, byte[]> producer;
    private Instant nextCleanup = Instant.EPOCH;

    public OutboxRelay(OutboxRepository repository, OutboxProducers producers, ShequConfig config, Clock clock,
                       MeterRegistry metrics) {
        this.repository = repository;
        this.producers = producers;
        this.config = config.outbox();
        this.clock = clock;
        this.published = metrics.counter("shequ.outbox.published");
        this.failures = metrics.counter("shequ.outbox.failures");
        metrics.gauge("shequ.outbox.pending", pending);
    }

    /** Starts after {@code Migrations} (which observes StartupEvent first), so the outbox table exists. */
    void start(@Observes StartupEvent start) {
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent stop) throws InterruptedException {
        running = false;
        wake();
        Thread thread = worker;
        if (thread != null) {
            thread.join(TimeUnit.SECONDS.toMillis(20));
        }
        closeProducer();
    }

    void wake() {
        wakeUp.release();
    }

    public boolean isRunning() {
        Thread thread = worker;
        return running && thread != null && thread.isAlive();
    }

    private void run() {
        Duration backoff = config.pollInterval();
        while (running) {
            try {
                int sent = QuarkusTransaction.requiringNew().timeout(60).call(this::publishBatch);
                backoff = config.pollInterval();
                cleanupNowAndThen();
                if (sent == config.batchSize()) {
                    continue; // more are waiting
                }
                wakeUp.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                failures.increment();
                LOG.warnf("Outbox relay could not publish (%s); %d events wait, retrying in %s ms",
                        rootMessage(e), pending.get(), backoff.toMillis());
                closeProducer(); // a fresh idempotent producer after a failed batch: new producer id, clean sequence
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private int publishBatch() throws Exception {
        List<OutboxEvent> batch = repository.lockPending(config.batchSize());
        // A short batch is all this instance can see, so the idle poll needs no COUNT; only a full one does.
        pending.set(batch.size() < config.batchSize() ? batch.size() : repository.countPending());
        if (batch.isEmpty()) {
            return 0;
        }
        Producer<String, byte[]> kafka = producer();
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        for (OutboxEvent row : batch) {
            CloudEvent event = new CloudEvent(row.eventId, row.source, row.eventType, row.aggregateId, row.occurredAt,
                    row.payload);
            Future<RecordMetadata> ack = kafka.send(KafkaBinding.toRecord(row.topic, event));
            if (ack.isDone()) {
                ack.get(); // failed already (e.g. no metadata after max.block.ms): give up the batch now, not per row
            }
            acks.add(ack);
        }
        kafka.flush();
        for (Future<RecordMetadata> ack : acks) {
            ack.get(); // throws if the broker did not take it; the whole batch then stays pending
        }
        repository.markPublished(batch.stream().map(row -> row.seq).toList(), clock.instant());
        published.increment(batch.size());
        pending.addAndGet(-batch.size());
        return batch.size();
    }

    private void cleanupNowAndThen() {
        Instant now = clock.instant();
        if (now.isBefore(nextCleanup)) {
            return;
        }
        nextCleanup = now.plus(CLEANUP_EVERY);
        long deleted = QuarkusTransaction.requiringNew().call(
                () -> repository.deletePublishedBefore(now.minus(config.retention())));
        if (deleted > 0) {
            LOG.infof("Outbox: deleted %d events published more than %s ago", deleted, config.retention());
        }
    }

    private synchronized Producer<String, byte[]> producer() {
        if (producer == null) {
            producer = producers.create();
        }
        return producer;
    }

    private synchronized void closeProducer() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
            producer = null;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
