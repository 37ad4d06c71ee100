package org.shequ.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.shequ.local.TopicReader;
import org.shequ.model.cloudevents.KafkaBinding;
import org.shequ.model.events.Topics;
import org.shequ.platform.config.ShequConfig;
import org.shequ.platform.probe.ProbeDatabase;
import org.shequ.platform.probe.ProbeService;
import org.shequ.platform.probe.api.ProbeRequest;
import org.shequ.platform.probe.ProbeKind;
import org.shequ.platform.probe.JwksInfraResource;
import org.shequ.testing.TestInfra;

/**
 * Two service instances relay from one database while four writers change the same aggregates concurrently: both
 * start together on a backlog of 500 events, and the active relay is killed while the writers go on. On the topic, each aggregate's events must still come in the order their changes
 * committed (versions 1, 2, 3 ... by first appearance), and none may be missing.
 */
@QuarkusTest
@QuarkusTestResource(JwksInfraResource.class)
class TwoRelaysOrderTest {

    private static final int AGGREGATES = 20;
    private static final int CHANGES = 1_000;
    private static final int WRITERS = 4;

    @Inject
    OutboxRelay firstRelay;
    @Inject
    OutboxRepository repository;
    @Inject
    OutboxProducers producers;
    @Inject
    ShequConfig config;
    @Inject
    Clock clock;
    @Inject
    ProbeService probes;

    @Test
    void eachAggregatesEventsArriveInCommitOrderAndNoneIsLostWhenTheActiveRelayDies() throws Exception {
        OutboxRelay secondRelay = new OutboxRelay(repository, producers, config, clock, new SimpleMeterRegistry());
        // A backlog first, so that both relays find several batches waiting when they start together.
        firstRelay.halt();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < AGGREGATES; i++) {
                ids.add(probes.create(new ProbeRequest("ORDER-" + i + "-" + System.nanoTime(), ProbeKind.WATER,
                        "迎泽大街" + i + "号", null, null, null, null, null), true).id());
            }
            AtomicInteger done = new AtomicInteger();
            List<Future<?>> work = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                work.add(writers.submit(() -> {
                    for (int i = 0; i < CHANGES / WRITERS; i++) {
                        bumpUntilItSticks(ids.get(ThreadLocalRandom.current().nextInt(ids.size())));
                        done.incrementAndGet();
                    }
                    return null;
                }));
            }
            awaitChanges(done, CHANGES / 2);
            firstRelay.start();
            secondRelay.start();
            awaitChanges(done, CHANGES * 3 / 4);
            OutboxRelay killed = firstRelay.isActive() ? firstRelay : secondRelay;
            killed.halt();

            for (Future<?> writer : work) {
                writer.get(3, TimeUnit.MINUTES);
            }
            int expected = AGGREGATES + CHANGES;
            Set<String> keys = new HashSet<>(ids);
            List<ConsumerRecord<String, byte[]>> records = TopicReader.read(TestInfra.get().kafkaBootstrap(),
                    Topics.NOTICES, r -> keys.contains(r.key()), expected, Duration.ofSeconds(3), Duration.ofMinutes(2));

            Map<String, List<Long>> firstSeenVersions = new HashMap<>();
            Set<String> seenEventIds = new HashSet<>();
            Map<String, Long> eventVersion = new LinkedHashMap<>();
            for (ConsumerRecord<String, byte[]> record : records) {
                String eventId = KafkaBinding.header(record.headers(), KafkaBinding.CE_ID);
                long version = Long.parseLong(KafkaBinding.header(record.headers(), KafkaBinding.CE_AGGREGATE_VERSION));
                Long earlier = eventVersion.putIfAbsent(eventId, version);
                assertTrue(earlier == null || earlier == version, "a resent event keeps its version");
                if (seenEventIds.add(eventId)) {
                    firstSeenVersions.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(version);
                }
            }
            System.out.printf("TwoRelaysOrderTest: %d events on %d keys, %d resent after the %s relay was killed%n",
                    seenEventIds.size(), firstSeenVersions.size(), records.size() - seenEventIds.size(),
                    killed == firstRelay ? "first" : "second");
            assertEquals(expected, seenEventIds.size(), "distinct events on the topic (duplicates: "
                    + (records.size() - seenEventIds.size()) + ")");
            for (Map.Entry<String, List<Long>> aggregate : firstSeenVersions.entrySet()) {
                List<Long> versions = aggregate.getValue();
                for (int i = 0; i < versions.size(); i++) {
                    assertEquals(i + 1, versions.get(i), "event " + i + " of " + aggregate.getKey() + ": " + versions);
                }
            }
            assertEquals(0, ProbeDatabase.count("select count(*) from outbox_event where published_at is null"),
                    "events still pending");
        } finally {
            writers.shutdownNow();
            secondRelay.halt();
            firstRelay.start();
        }
    }

    private static void awaitChanges(AtomicInteger done, int count) throws InterruptedException {
        while (done.get() < count) {
            Thread.sleep(10);
        }
    }

    /** A writer that loses an optimistic race reads again and retries, as a client retrying after a 412 would. */
    private void bumpUntilItSticks(String id) {
        for (int attempt = 0; ; attempt++) {
            try {
                probes.bump(id);
                return;
            } catch (RuntimeException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }
}
