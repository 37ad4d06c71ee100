package org.shequ.webhooks.delivery;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.shequ.model.cloudevents.CloudEvent;
import org.shequ.testing.ShequInfraResource;
import org.shequ.testing.TestInfra;
import org.shequ.webhooks.Receiver;
import org.shequ.webhooks.Subscriber;
import org.shequ.webhooks.subscription.EndpointGuard;
import org.shequ.webhooks.subscription.SubscriptionRepository;

/**
 * Two replicas' dispatchers work one queue (this app's and a second built beside it, on the same database), and the
 * broker restarts halfway through 500 events: every event reaches the subscriber, none twice, in queue order.
 */
@QuarkusTest
@QuarkusTestResource(ShequInfraResource.class)
class TwoReplicasTest {

    @Inject
    DeliveryRepository deliveries;
    @Inject
    SubscriptionRepository subscriptions;
    @Inject
    DeliveryOutcomes outcomes;
    @Inject
    EndpointGuard guard;
    @Inject
    WebhookConfig config;
    @Inject
    Clock clock;

    @Test
    void fiveHundredEventsAcrossABrokerRestartArriveOnceEachInOrder() throws Exception {
        try (Receiver receiver = new Receiver()) {
            String subscription = Subscriber.subscribe("portal", receiver.url("/all"),
                    List.of("shequ.notices.notice.published.v1"), "并州路8号").getString("id");
            Dispatcher second = new Dispatcher(deliveries, subscriptions, outcomes, guard, config, clock,
                    new SimpleMeterRegistry());
            AtomicBoolean running = new AtomicBoolean(true);
            Thread replica = new Thread(() -> {
                while (running.get()) {
                    if (second.round() == 0) {
                        sleep(20);
                    }
                }
            }, "second-replica");
            replica.start();

            Set<String> sent = new HashSet<>();
            try (KafkaProducer<String, byte[]> producer = Subscriber.producer()) {
                for (int i = 0; i < 250; i++) {
                    CloudEvent event = Subscriber.published("并州路");
                    Subscriber.send(producer, event);
                    sent.add(event.id());
                }
            }
            TestInfra.get().stopKafka();
            TestInfra.get().startKafka();
            try (KafkaProducer<String, byte[]> producer = Subscriber.producer()) {
                for (int i = 0; i < 250; i++) {
                    CloudEvent event = Subscriber.published("并州路");
                    Subscriber.send(producer, event);
                    sent.add(event.id());
                }
            }

            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                    .until(() -> receiver.calls("/all").stream().filter(c -> sent.contains(c.id())).count() >= 500);
            running.set(false);
            replica.join(5_000);

            List<String> arrived = receiver.calls("/all").stream().map(Receiver.Call::id).filter(sent::contains).toList();
            assertEquals(500, arrived.size(), "every event once: none missing, none twice");
            assertEquals(500, new HashSet<>(arrived).size());
            assertEquals(queueOrder(subscription), arrived, "in the order they were queued");
        }
    }

    private static List<String> queueOrder(String subscription) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection db = TestInfra.get().connect("shequ_webhooks");
             PreparedStatement query = db.prepareStatement(
                     "select event_id from delivery where subscription_id = ? order by seq")) {
            query.setString(1, subscription);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
