package org.shequ.platform.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;
import org.shequ.model.cloudevents.CloudEvent;
import org.shequ.model.cloudevents.EventJson;
import org.shequ.model.cloudevents.KafkaBinding;
import org.shequ.model.events.DomainEvent;
import org.shequ.platform.config.ShequConfig;
import org.shequ.platform.db.Outages;
import org.shequ.platform.inbox.InboxRepository.Delivery;
import org.jboss.logging.MDC;
import org.shequ.model.api.TraceParent;
import org.shequ.platform.web.RequestIds;

/**
 * One handler's consumer thread. Records of a partition are handled one after another, each in its own transaction
 * with its inbox row; the offset is committed only after that transaction, so a crash in between redelivers the
 * record and the inbox row skips it. A record that fails for a reason of its own is tried a bounded number of times
 * and parked, and the partition goes on; an outage (database, lock contention) is not the record's fault, so the
 * record is retried from the same offset until the outage ends, and nothing is parked for it.
 */
final class InboxLoop implements Runnable {

    private static final Logger LOG = Logger.getLogger(InboxLoop.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration HOUSEKEEPING_EVERY = Duration.ofSeconds(10);

    private final EventHandler handler;
    private final Consumer<String, byte[]> consumer;
    private final InboxRepository repository;
    private final ShequConfig.Inbox config;
    private final Clock clock;
    private final Counter handled;
    private final Counter duplicates;
    private final Counter parked;
    private final Counter failures;
    private final AtomicLong parkedRows = new AtomicLong();
    private volatile boolean running = true;
    private Instant nextHousekeeping = Instant.EPOCH;
    private Duration outageBackoff;

    InboxLoop(EventHandler handler, Consumer<String, byte[]> consumer, InboxRepository repository,
              ShequConfig.Inbox config, Clock clock, MeterRegistry metrics) {
        this.handler = handler;
        this.consumer = consumer;
        this.repository = repository;
        this.config = config;
        this.clock = clock;
        this.outageBackoff = config.retryBackoff();
        Tags tags = Tags.of("consumer", handler.name());
        this.handled = Counter.builder("shequ.inbox.handled").tags(tags)
                .description("Events this consumer handled").register(metrics);
        this.duplicates = Counter.builder("shequ.inbox.duplicates").tags(tags)
                .description("Events skipped because their id was handled before").register(metrics);
        this.parked = Counter.builder("shequ.inbox.parked").tags(tags)
                .description("Events set aside as unreadable or failing, for an operator").register(metrics);
        this.failures = Counter.builder("shequ.inbox.failures").tags(tags)
                .description("Handling attempts that failed and will be retried").register(metrics);
        Gauge.builder("shequ.inbox.parked.rows", parkedRows, Number::doubleValue).tags(tags)
                .description("Events parked and not yet resolved").strongReference(true).register(metrics);
    }

    void stop() {
        running = false;
        consumer.wakeup();
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(java.util.List.of(handler.topic()));
            while (running) {
                try {
                    pollOnce();
                } catch (WakeupException e) {
                    if (running) {
                        LOG.debugf("Consumer %s woken while running; polling on", handler.name());
                    }
                } catch (CommitFailedException | RebalanceInProgressException e) {
                    // Another replica took some partitions mid-batch: their records go to it, and the inbox makes
                    // any it handles again harmless. This loop goes on with what it still owns.
                    LOG.infof("Consumer %s: offsets not committed during a rebalance (%s)", handler.name(),
                            e.getMessage());
                } catch (RuntimeException e) {
                    LOG.warnf("Consumer %s: %s; polling again shortly", handler.name(), Outages.rootMessage(e));
                    sleep(MAX_BACKOFF);
                }
            }
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** One poll: its records handled in order per partition, then the offsets of those behind us committed. */
    private void pollOnce() {
        housekeepingNowAndThen();
        ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                if (!running || !process(record)) {
                    consumer.seek(partition, record.offset()); // read again from here on the next poll
                    break;
                }
                done.put(partition, new OffsetAndMetadata(record.offset() + 1));
            }
        }
        if (!done.isEmpty()) {
            consumer.commitSync(done);
        }
    }

    /**
     * True when the record is behind us (handled, skipped or parked); false to read it again after an outage. While
     * it is handled, the log MDC carries the request id and trace of the request that caused the event, and events the
     * handler records carry them on (the trace with this consumer as the next hop).
     */
    private boolean process(ConsumerRecord<String, byte[]> record) {
        String requestId = KafkaBinding.header(record.headers(), KafkaBinding.CE_REQUEST_ID);
        String trace = KafkaBinding.header(record.headers(), TraceParent.CE_HEADER);
        if (requestId != null) {
            MDC.put(RequestIds.MDC_KEY, requestId);
        }
        MDC.put(RequestIds.TRACE_MDC_KEY, TraceParent.nextHop(trace));
        try {
            return processInContext(record);
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
            MDC.remove(RequestIds.TRACE_MDC_KEY);
        }
    }

    private boolean processInContext(ConsumerRecord<String, byte[]> record) {
        Delivery delivery = Delivery.of(record);
        String type = KafkaBinding.header(record.headers(), KafkaBinding.CE_TYPE);
        if (type != null && !handler.wants(type)) {
            return true;
        }
        CloudEvent envelope;
        DomainEvent event;
        try {
            envelope = KafkaBinding.fromRecord(record);
            event = EventJson.data(envelope);
        } catch (RuntimeException unreadable) {
            park(delivery, KafkaBinding.header(record.headers(), KafkaBinding.CE_ID), type, unreadable, 1);
            return true;
        }
        Duration backoff = config.retryBackoff();
        for (int attempt = 1; running; attempt++) {
            try {
                boolean first = QuarkusTransaction.requiringNew().call(() -> repository.applyOnce(handler, event,
                        envelope, delivery, clock.instant()));
                (first ? handled : duplicates).increment();
                outageBackoff = config.retryBackoff();
                return true;
            } catch (Exception e) {
                failures.increment();
                if (Outages.isOutage(e)) {
                    LOG.warnf("Consumer %s waits out an outage at %s-%d@%d: %s", handler.name(), delivery.topic(),
                            delivery.partition(), delivery.offset(), Outages.rootMessage(e));
                    sleep(outageBackoff);
                    outageBackoff = twice(outageBackoff);
                    return false;
                }
                if (attempt >= config.maxAttempts()) {
                    park(delivery, envelope.id(), envelope.type(), e, attempt);
                    return true;
                }
                LOG.debugf("Consumer %s attempt %d at event %s failed: %s", handler.name(), attempt, envelope.id(),
                        Outages.rootMessage(e));
                sleep(backoff);
                backoff = twice(backoff);
            }
        }
        return false;
    }

    private void park(Delivery delivery, String eventId, String type, Exception cause, int attempts) {
        String error = Outages.rootMessage(cause);
        LOG.errorf("Consumer %s parked %s-%d@%d (event %s, %s) after %d attempt(s): %s", handler.name(),
                delivery.topic(), delivery.partition(), delivery.offset(), eventId, type, attempts, error);
        QuarkusTransaction.requiringNew().run(() -> repository.park(handler.name(), delivery, eventId, type, error,
                attempts, clock.instant()));
        parked.increment();
        parkedRows.incrementAndGet();
    }

    private void housekeepingNowAndThen() {
        Instant now = clock.instant();
        if (now.isBefore(nextHousekeeping)) {
            return;
        }
        nextHousekeeping = now.plus(HOUSEKEEPING_EVERY);
        try {
            parkedRows.set(QuarkusTransaction.requiringNew().call(() -> repository.parked(handler.name())));
            QuarkusTransaction.requiringNew().call(
                    () -> repository.deleteHandledBefore(now.minus(config.retention()), 1000));
        } catch (RuntimeException e) {
            LOG.debugf("Inbox housekeeping skipped this time: %s", Outages.rootMessage(e));
        }
    }

    private static Duration twice(Duration backoff) {
        Duration doubled = backoff.multipliedBy(2);
        return doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
