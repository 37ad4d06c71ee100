package org.shequ.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.shequ.platform.kafka.KafkaClients;

/** Makes the relay's Kafka producer: idempotent, acks from all in-sync replicas, and quick to give up on a dead broker. */
@ApplicationScoped
public class OutboxProducers {

    private final KafkaClients clients;

    public OutboxProducers(KafkaClients clients) {
        this.clients = clients;
    }

    Producer<String, byte[]> create() {
        Map<String, Object> settings = clients.common("outbox");
        settings.putAll(Map.of(
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                // Fail a batch within seconds when the broker is gone; the rows stay pending and are retried.
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000,
                ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000));
        return new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
    }
}
