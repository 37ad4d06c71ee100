package org.shequ.gateway.events;

import io.vertx.core.http.HttpServerResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * One client's stream: a consumer with its partitions assigned (no group: it commits nothing, it only reads),
 * positioned where the client left off or at the end, writing each wanted event as it comes. Only committed
 * records are read, so an event whose transaction was aborted never reaches a client.
 */
final class StreamLoop {

    private static final Logger LOG = Logger.getLogger(StreamLoop.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final EventsConfig config;
    private final HttpServerResponse response;
    private final Set<String> types;
    private final String community;
    private final Optional<StreamPosition> from;
    private volatile boolean stopped;
    private volatile KafkaConsumer<String, String> consumer;

    StreamLoop(EventsConfig config, HttpServerResponse response, Set<String> types, String community,
               Optional<StreamPosition> from) {
        this.config = config;
        this.response = response;
        this.types = types;
        this.community = community;
        this.from = from;
    }

    void stop() {
        stopped = true;
        KafkaConsumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }

    void run() {
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(properties())) {
            consumer = c;
            StreamPosition position = start(c);
            // An id without data moves the client's Last-Event-ID without an event (HTML, "dispatch the event"):
            // a client that reconnects before its first event still resumes from here, not from a later "now".
            write("id: " + position.encode() + "\n\n");
            long lastWrite = System.nanoTime();
            while (!stopped && !response.closed()) {
                for (ConsumerRecord<String, String> record : c.poll(POLL)) {
                    position = position.after(new TopicPartition(record.topic(), record.partition()), record.offset());
                    Optional<PublicEvent> event = PublicEvent.of(record);
                    if (event.isPresent() && event.get().wanted(types, community)) {
                        write("id: " + position.encode() + "\nevent: " + event.get().type() + "\ndata: "
                                + event.get().json() + "\n\n");
                        lastWrite = System.nanoTime();
                    }
                }
                if (System.nanoTime() - lastWrite >= config.heartbeat().toNanos()) {
                    write(": heartbeat\nid: " + position.encode() + "\n\n");
                    lastWrite = System.nanoTime();
                }
            }
        } catch (WakeupException e) {
            // the client went away
        } catch (RuntimeException e) {
            LOG.warnf("An event stream ended: %s", e.toString());
        }
    }

    /** Assigns every partition of the topics and seeks each to where this client is to go on from. */
    private StreamPosition start(KafkaConsumer<String, String> c) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : config.topics()) {
            List<PartitionInfo> infos = c.partitionsFor(topic, Duration.ofSeconds(5));
            if (infos != null) {
                infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
        }
        c.assign(partitions);
        Map<TopicPartition, Long> next = new HashMap<>();
        if (from.isPresent()) {
            Map<TopicPartition, Long> known = from.get().next();
            Map<TopicPartition, Long> beginnings = c.beginningOffsets(partitions);
            for (TopicPartition partition : partitions) {
                // A partition the id does not name is newer than the client's last event: it missed all of it.
                long offset = Math.max(known.getOrDefault(partition, 0L), beginnings.getOrDefault(partition, 0L));
                c.seek(partition, offset);
                next.put(partition, offset);
            }
        } else {
            c.endOffsets(partitions).forEach((partition, end) -> {
                c.seek(partition, end);
                next.put(partition, end);
            });
        }
        return StreamPosition.of(next);
    }

    /** Writes and waits while the client is slow to read, so a slow client holds its own thread, not memory. */
    private void write(String text) {
        response.write(text);
        while (response.writeQueueFull() && !stopped && !response.closed()) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopped = true;
            }
        }
    }

    private Properties properties() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrap());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "shequ-gateway-events");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "200");
        p.put("security.protocol", config.securityProtocol());
        if (config.securityProtocol().startsWith("SASL")) {
            p.put("sasl.mechanism", config.saslMechanism());
            config.saslJaasConfig().ifPresent(jaas -> p.put("sasl.jaas.config", jaas));
        }
        if (config.securityProtocol().endsWith("SSL")) {
            config.sslTruststoreLocation().ifPresent(location -> p.put("ssl.truststore.location", location));
            config.sslTruststoreType().ifPresent(type -> p.put("ssl.truststore.type", type));
        }
        return p;
    }
}
