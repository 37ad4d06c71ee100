package org.shequ.platform.inbox;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.shequ.model.cloudevents.CloudEvent;
import org.shequ.model.cloudevents.EventJson;
import org.shequ.model.cloudevents.KafkaBinding;
import org.shequ.model.events.notices.NoticeCancelled;
import org.shequ.platform.probe.JwksInfraResource;
import org.shequ.platform.probe.ProbeDatabase;
import org.shequ.platform.probe.ProbeEventHandler;
import org.shequ.testing.TestInfra;

/** The platform's consumer side, against the real broker and database: once per event, and nothing blocks. */
@QuarkusTest
@QuarkusTestResource(JwksInfraResource.class)
class InboxConsumerTest {

    private static KafkaProducer<String, byte[]> producer;

    @Test
    void anEventDeliveredTwiceIsAppliedOnce() throws Exception {
        CloudEvent event = cancelled("notice-" + UUID.randomUUID(), "停水取消");
        send(KafkaBinding.toRecord(ProbeEventHandler.TOPIC, event));
        send(KafkaBinding.toRecord(ProbeEventHandler.TOPIC, event));
        CloudEvent after = cancelled(event.subject(), "marker");
        send(KafkaBinding.toRecord(ProbeEventHandler.TOPIC, after));

        awaitEffect(after.id());
        assertEquals(1, effects(event.id()));
        assertEquals(1, ProbeDatabase.count("select count(*) from inbox_event where consumer = 'probe-effects'"
                + " and event_id = '" + event.id() + "'"));
    }

    @Test
    void anUnreadableRecordIsParkedAndTheNextEventIsStillApplied() throws Exception {
        String key = "notice-" + UUID.randomUUID();
        send(new ProducerRecord<>(ProbeEventHandler.TOPIC, key, "{not json".getBytes(StandardCharsets.UTF_8)));
        CloudEvent good = cancelled(key, "施工结束");
        send(KafkaBinding.toRecord(ProbeEventHandler.TOPIC, good));

        awaitEffect(good.id());
        assertEquals(1, ProbeDatabase.count("select count(*) from inbox_parked where record_key = '" + key + "'"
                + " and error like '%CloudEvents%' and payload = '{not json' and attempts = 1"));
    }

    @Test
    void anEventWhoseHandlerKeepsFailingIsParkedAfterItsAttemptsWithNothingApplied() throws Exception {
        String key = "notice-" + UUID.randomUUID();
        CloudEvent refused = cancelled(key, "refuse this one");
        send(KafkaBinding.toRecord(ProbeEventHandler.TOPIC, refused));
        CloudEvent good = cancelled(key, "施工结束");
        send(KafkaBinding.toRecord(ProbeEventHandler.TOPIC, good));

        awaitEffect(good.id());
        try (Connection db = TestInfra.get().connect(ProbeDatabase.NAME);
             PreparedStatement query = db.prepareStatement(
                     "select attempts, error, event_type from inbox_parked where event_id = ?")) {
            query.setString(1, refused.id());
            try (ResultSet parked = query.executeQuery()) {
                assertTrue(parked.next(), "the refused event is parked");
                assertEquals(3, parked.getInt("attempts"));
                assertTrue(parked.getString("error").contains("this probe refuses"), parked.getString("error"));
                assertEquals("shequ.notices.notice.cancelled.v1", parked.getString("event_type"));
            }
        }
        assertEquals(0, effects(refused.id()), "each failed attempt rolled its effect back");
        assertEquals(0, ProbeDatabase.count("select count(*) from inbox_event where event_id = '" + refused.id() + "'"));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("shequ_inbox_parked_total{consumer=\"probe-effects\""));
    }

    @Test
    void eventsTheHandlerDoesNotWantLeaveNoTrace() throws Exception {
        String key = "notice-" + UUID.randomUUID();
        CloudEvent other = new CloudEvent(UUID.randomUUID().toString(), "/shequ/notices",
                "shequ.notices.notice.published.v1", key, Instant.now(), "{}", 1L);
        send(KafkaBinding.toRecord(ProbeEventHandler.TOPIC, other));
        CloudEvent good = cancelled(key, "施工结束");
        send(KafkaBinding.toRecord(ProbeEventHandler.TOPIC, good));

        awaitEffect(good.id());
        assertEquals(0, ProbeDatabase.count("select (select count(*) from inbox_event where event_id = '" + other.id()
                + "') + (select count(*) from inbox_parked where event_id = '" + other.id() + "')"));
    }

    @Test
    void aReplicaJoiningAndLeavingTheGroupDoesNotStopTheConsumer() throws Exception {
        send(KafkaBinding.toRecord(ProbeEventHandler.TOPIC, cancelled("notice-" + UUID.randomUUID(), "before")));
        // A second member of the probe's group: it takes partitions (a rebalance), then leaves (another).
        try (var replica = new org.apache.kafka.clients.consumer.KafkaConsumer<String, byte[]>(Map.of(
                org.apache.kafka.clients.consumer.ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.get().kafkaBootstrap(),
                org.apache.kafka.clients.consumer.ConsumerConfig.GROUP_ID_CONFIG, "shequ.platform-probe.probe-effects",
                org.apache.kafka.clients.consumer.ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new org.apache.kafka.common.serialization.StringDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            replica.subscribe(java.util.List.of(ProbeEventHandler.TOPIC));
            long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (replica.assignment().isEmpty() && System.nanoTime() < until) {
                replica.poll(Duration.ofMillis(200));
            }
        }
        CloudEvent after = cancelled("notice-" + UUID.randomUUID(), "after the rebalances");
        send(KafkaBinding.toRecord(ProbeEventHandler.TOPIC, after));
        awaitEffect(after.id());
    }

    private static CloudEvent cancelled(String noticeId, String reason) {
        return EventJson.envelope(new NoticeCancelled(noticeId, 2, reason, Instant.now()), Instant.now());
    }

    private static long effects(String eventId) throws Exception {
        return ProbeDatabase.count("select count(*) from probe_effect where event_id = '" + eventId + "'");
    }

    private static void awaitEffect(String eventId) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> effects(eventId) == 1);
    }

    private static synchronized void send(ProducerRecord<String, byte[]> record) throws Exception {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    TestInfra.get().kafkaBootstrap()), new StringSerializer(), new ByteArraySerializer());
        }
        producer.send(record).get();
    }

    @AfterAll
    static void closeProducer() {
        if (producer != null) {
            producer.close();
            producer = null;
        }
    }
}
