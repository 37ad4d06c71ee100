package org.shequ.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from the beginning with a fresh consumer group, as a new downstream consumer would: how the tests
 * check what reached Kafka.
 */
public final class TopicReader {

    private TopicReader() {
    }

    /**
     * Every record on {@code topic} matching {@code filter}, read until {@code quiet} passes with no new match after
     * at least {@code expected} matches, or {@code timeout}. Waiting out the quiet period is what lets a test say
     * "exactly one", not just "at least one".
     */
    public static List<ConsumerRecord<String, byte[]>> read(String bootstrap, String topic,
            Predicate<ConsumerRecord<String, byte[]>> filter, int expected, Duration quiet, Duration timeout) {
        List<ConsumerRecord<String, byte[]>> matches = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            long lastMatch = System.nanoTime();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (filter.test(record)) {
                        matches.add(record);
                        lastMatch = System.nanoTime();
                    }
                }
                if (matches.size() >= expected && System.nanoTime() - lastMatch > quiet.toNanos()) {
                    break;
                }
            }
        }
        return matches;
    }
}
