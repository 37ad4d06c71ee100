package org.shequ.foodinspections.rectification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.shequ.foodinspections.FoodFixtures;
import org.shequ.local.TopicReader;
import org.shequ.model.cloudevents.KafkaBinding;
import org.shequ.model.events.Topics;
import org.shequ.platform.outbox.Outbox;
import org.shequ.testing.ShequInfraResource;
import org.shequ.testing.TestInfra;

/**
 * Two replicas' overdue jobs run at the same moment over the same database (this app's and a second instance built
 * beside it, as TwoRelaysOrderTest does for the relay): each overdue order is announced exactly once on the topic.
 */
@QuarkusTest
@QuarkusTestResource(ShequInfraResource.class)
class OverdueJobTest {

    @Inject
    OverdueRectifications firstReplica;
    @Inject
    RectificationRepository rectifications;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;

    @Test
    void twoReplicasAnnounceEachOverdueOrderExactlyOnce() throws Exception {
        List<String> providers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String provider = FoodFixtures.provider();
            providers.add(provider);
            FoodFixtures.inspect(provider, null, "SAMPLE_RETENTION", "KITCHEN_HYGIENE", "LICENSES", "FOOD_SOURCE",
                    "FIRE_EQUIPMENT");
        }
        OverdueRectifications secondReplica = new OverdueRectifications(rectifications, outbox, clock, Duration.ofHours(1));
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        List<Future<Long>> runs = new ArrayList<>();
        for (OverdueRectifications replica : List.of(firstReplica, secondReplica)) {
            runs.add(replicas.submit(() -> {
                go.await();
                return replica.announceDue();
            }));
        }
        go.countDown();
        for (Future<Long> run : runs) {
            run.get();
        }
        replicas.shutdown();
        // And a later run finds nothing left to announce.
        assertEquals(0L, firstReplica.announceDue() + secondReplica.announceDue());

        String ours = String.join("','", providers);
        assertEquals(150, FoodFixtures.count("select count(*) from rectification where provider_id in ('" + ours
                + "') and overdue_announced_at is not null"));
        Map<String, Integer> announced = new HashMap<>();
        TopicReader.read(TestInfra.get().kafkaBootstrap(), Topics.FOOD_INSPECTIONS,
                r -> "shequ.food-inspections.rectification.overdue.v1".equals(
                        KafkaBinding.header(r.headers(), KafkaBinding.CE_TYPE))
                        && providers.stream().anyMatch(new String(r.value(), StandardCharsets.UTF_8)::contains), 150,
                Duration.ofSeconds(3), Duration.ofSeconds(30)).forEach(r -> {
                    String data = new String(r.value(), StandardCharsets.UTF_8);
                    if (providers.stream().anyMatch(data::contains)) {
                        String order = data.replaceAll(".*\"rectificationId\":\"([^\"]+)\".*", "$1");
                        announced.merge(order, 1, Integer::sum);
                    }
                });
        assertEquals(150, announced.size(), "every overdue order of these providers announced");
        assertEquals(List.of(1), announced.values().stream().distinct().toList(), "and none twice");
    }
}
