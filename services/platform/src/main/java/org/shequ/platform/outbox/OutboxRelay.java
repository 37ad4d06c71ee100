package org.shequ.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
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
import java.util.UUID;
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
 * Publishes outbox rows to Kafka, oldest first. Every instance of a service runs one, but only the one holding the
 * relay lease (a row of {@code outbox_relay_lease} with a holder and an expiry, see {@code V5__outbox_lease_by_time.sql})
 * publishes, so one aggregate's events reach Kafka in commit order even with several replicas. A round is three steps,
 * and only the first and last touch the database, each in a short transaction of its own: renew the lease and read
 * a batch without locking it; send the batch with no transaction or connection held; mark it sent. A broker that is
 * slow, down or frozen therefore delays events but never a write: writers wait on no lock and no pool connection of
 * the relay's. When the holder dies, its lease runs out and another instance's next poll takes over. A crash (or a
 * lease lost mid-send) after the send but before the mark sends events twice, with the same {@code ce_id}; consumers
 * dedupe on it, and by first appearance each key's events stay in order.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final Duration BACKLOG_EVERY = Duration.ofSeconds(2);
    private static final int NOT_HOLDING_LEASE = -1;
    /** Each of a round's two transactions is a statement or two; the datasource's timeouts bound them well before. */
    private static final int TRANSACTION_SECONDS = 10;

    private final OutboxRepository repository;
    private final OutboxProducers producers;
    private final ShequConfig.Outbox config;
    /** A migration step's process exits once migrated: it sends nothing. */
    private final boolean onlyMigrates;
    private final Clock clock;
    private final Counter published;
    private final Counter failures;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong lagMillis = new AtomicLong();
    private final AtomicLong active = new AtomicLong();
    private final Semaphore wakeUp = new Semaphore(0);

    /** This instance's name on the lease; a restarted process is a new holder. */
    private final String holder = UUID.randomUUID().toString();
    private volatile boolean running;
    private volatile Thread worker;
    private Producer<String, byte[]> producer;
    private Instant nextBacklogCheck = Instant.EPOCH;

    public OutboxRelay(OutboxRepository repository, OutboxProducers producers, ShequConfig config, Clock clock,
                       MeterRegistry metrics) {
        this.repository = repository;
        this.producers = producers;
        this.config = config.outbox();
        this.onlyMigrates = config.db().migrate() == ShequConfig.MigrationMode.ONLY;
        this.clock = clock;
        this.published = Counter.builder("shequ.outbox.published")
                .description("Outbox events sent to Kafka and acknowledged").register(metrics);
        this.failures = Counter.builder("shequ.outbox.failures")
                .description("Relay rounds that failed to send; their events are sent again").register(metrics);
        Gauge.builder("shequ.outbox.pending", pending, Number::doubleValue)
                .description("Outbox events written and not yet sent").strongReference(true).register(metrics);
        Gauge.builder("shequ.outbox.lag.seconds", lagMillis, millis -> millis.get() / 1000.0)
                .description("Age of the oldest unsent outbox event").strongReference(true).register(metrics);
        Gauge.builder("shequ.outbox.relay.active", active, Number::doubleValue)
                .description("1 while this replica holds the relay lease").strongReference(true).register(metrics);
    }

    /** Starts after {@code Migrations} (which observes StartupEvent first), so the outbox tables exist. */
    void onStart(@Observes StartupEvent start) {
        if (!onlyMigrates) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent stop) {
        stop();
    }

    synchronized void start() {
        if (isRunning()) {
            return;
        }
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    /** Lets a batch in flight finish, so a graceful shutdown sends nothing twice, then lets the lease go. */
    synchronized void stop() {
        running = false;
        wake();
        join(Duration.ofSeconds(20));
        closeProducer();
        releaseLease();
    }

    /**
     * Stops as a killed process would: the batch in flight is abandoned, its transaction rolled back, its rows left
     * pending for whichever instance relays next (which may send some of them again, with the same ids).
     */
    synchronized void halt() {
        running = false;
        Thread thread = worker;
        if (thread != null) {
            thread.interrupt();
        }
        join(Duration.ofSeconds(20));
        closeProducer();
    }

    void wake() {
        wakeUp.release();
    }

    public boolean isRunning() {
        Thread thread = worker;
        return running && thread != null && thread.isAlive();
    }

    /** True while this instance's last poll held the relay lease. */
    boolean isActive() {
        return active.get() == 1;
    }

    private void run() {
        Duration backoff = config.pollInterval();
        while (running) {
            refreshBacklogNowAndThen(); // also while Kafka is down, when the lag is what an operator watches
            try {
                int sent = publishBatch();
                active.set(sent == NOT_HOLDING_LEASE ? 0 : 1);
                backoff = config.pollInterval();
                if (sent == config.batchSize()) {
                    continue; // more are waiting
                }
                wakeUp.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                if (!running) {
                    return; // halted mid-batch: what was sent stays pending, as after a crash
                }
                failures.increment();
                LOG.warnf("Outbox relay could not publish (%s); %d events wait, retrying in %s ms",
                        rootMessage(e), pending.get(), backoff.toMillis());
                closeProducer(); // a fresh idempotent producer after a failed batch: new producer id, clean sequence
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    /** Sent events, or {@link #NOT_HOLDING_LEASE} while another instance relays. */
    private int publishBatch() throws Exception {
        List<OutboxEvent> batch = QuarkusTransaction.requiringNew().timeout(TRANSACTION_SECONDS).call(() ->
                repository.tryLease(holder, config.lease()) ? repository.pending(config.batchSize()) : null);
        if (batch == null) {
            return NOT_HOLDING_LEASE;
        }
        if (batch.isEmpty()) {
            return 0;
        }
        send(batch); // no transaction, no connection: a frozen broker holds up nobody but this thread
        List<Long> sent = batch.stream().map(row -> row.seq).toList();
        QuarkusTransaction.requiringNew().timeout(TRANSACTION_SECONDS)
                .run(() -> repository.markPublished(sent, clock.instant()));
        published.increment(batch.size());
        return batch.size();
    }

    /** Returns once Kafka has acknowledged every event of the batch; throws, leaving them all pending, otherwise. */
    private void send(List<OutboxEvent> batch) throws Exception {
        Producer<String, byte[]> kafka = producer();
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        for (OutboxEvent row : batch) {
            CloudEvent event = new CloudEvent(row.eventId, row.source, row.eventType, row.aggregateId, row.occurredAt,
                    row.payload, row.aggregateVersion);
            Future<RecordMetadata> ack = kafka.send(KafkaBinding.withCause(KafkaBinding.toRecord(row.topic, event),
                    row.traceParent, row.requestId));
            if (ack.isDone()) {
                ack.get(); // failed already (e.g. no metadata after max.block.ms): give up the batch now, not per row
            }
            acks.add(ack);
        }
        kafka.flush();
        for (Future<RecordMetadata> ack : acks) {
            ack.get(); // throws if the broker did not take it; the whole batch then stays pending
        }
    }

    private void releaseLease() {
        try {
            QuarkusTransaction.requiringNew().timeout(TRANSACTION_SECONDS).run(() -> repository.releaseLease(holder));
            active.set(0);
        } catch (RuntimeException e) {
            LOG.infof("Outbox relay lease not let go (%s); it runs out by itself in %s", rootMessage(e), config.lease());
        }
    }

    /** The backlog is the database's, not this instance's: any replica reports it, every few seconds. */
    private void refreshBacklogNowAndThen() {
        Instant now = clock.instant();
        if (now.isBefore(nextBacklogCheck)) {
            return;
        }
        nextBacklogCheck = now.plus(BACKLOG_EVERY);
        try {
            OutboxRepository.Backlog backlog = QuarkusTransaction.requiringNew().call(repository::backlog);
            pending.set(backlog.pending());
            lagMillis.set(backlog.oldest() == null ? 0
                    : Math.max(0, Duration.between(backlog.oldest(), now).toMillis()));
        } catch (RuntimeException e) {
            LOG.debugf("Outbox backlog not measured this time: %s", rootMessage(e)); // the publish path reports it
        }
    }

    private void join(Duration timeout) {
        Thread thread = worker;
        if (thread != null && thread != Thread.currentThread()) {
            try {
                thread.join(timeout.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
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
