package org.shequ.platform.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;
import org.shequ.platform.config.ShequConfig;
import org.shequ.platform.kafka.KafkaClients;

/**
 * Starts a consumer loop for every {@link EventHandler} bean of the service once its database is migrated, and stops
 * them on shutdown after the event in hand (its transaction and offset commit finish, or neither happens).
 */
@ApplicationScoped
public class InboxConsumers {

    private static final Logger LOG = Logger.getLogger(InboxConsumers.class);

    private final Instance<EventHandler> handlers;
    private final InboxRepository repository;
    private final KafkaClients kafka;
    private final ShequConfig config;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final List<Running> loops = new ArrayList<>();
    /** Set on shutdown: consumers not yet made by then are not made at all. */
    private boolean stopped;

    public InboxConsumers(Instance<EventHandler> handlers, InboxRepository repository, KafkaClients kafka,
                          ShequConfig config, Clock clock, MeterRegistry metrics) {
        this.handlers = handlers;
        this.repository = repository;
        this.kafka = kafka;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * Observes StartupEvent after {@code Migrations}, which runs at PLATFORM_BEFORE priority. The consumers are made
     * on a thread of their own, so the HTTP server does not wait for Kafka clients it does not need to serve.
     */
    void onStart(@Observes StartupEvent start) {
        if (!config.inbox().enabled() || config.db().migrate() == ShequConfig.MigrationMode.ONLY) {
            LOG.info("Event consumers are off (shequ.inbox.enabled=false, or a migration step)");
            return;
        }
        Thread starter = new Thread(this::startLoops, "inbox-start");
        starter.setDaemon(true);
        starter.start();
    }

    private synchronized void startLoops() {
        if (stopped) {
            return;
        }
        for (EventHandler handler : handlers) {
            InboxLoop loop = new InboxLoop(handler, new KafkaConsumer<>(settings(handler), new StringDeserializer(),
                    new ByteArrayDeserializer()), repository, config.inbox(), clock, metrics);
            Thread thread = new Thread(loop, "inbox-" + handler.name());
            thread.setDaemon(true);
            thread.start();
            loops.add(new Running(loop, thread));
            LOG.infof("Consumer %s reads %s as group %s", handler.name(), handler.topic(), groupId(handler));
        }
    }

    synchronized void onStop(@Observes ShutdownEvent stop) {
        stopped = true;
        loops.forEach(running -> running.loop().stop());
        for (Running running : loops) {
            try {
                running.thread().join(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        loops.clear();
    }

    String groupId(EventHandler handler) {
        return "shequ." + config.service().name() + "." + handler.name();
    }

    private Map<String, Object> settings(EventHandler handler) {
        Map<String, Object> settings = kafka.common("inbox-" + handler.name());
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, groupId(handler));
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // A new group starts from the beginning of the topic: the inbox makes replaying old events harmless.
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return settings;
    }

    private record Running(InboxLoop loop, Thread thread) {
    }
}
