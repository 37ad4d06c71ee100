package org.shequ.platform.outbox;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.shequ.local.Frozen;
import org.shequ.local.TopicReader;
import org.shequ.model.cloudevents.KafkaBinding;
import org.shequ.model.events.Topics;
import org.shequ.platform.probe.JwksInfraResource;
import org.shequ.platform.probe.ProbeDatabase;
import org.shequ.platform.probe.ProbeBodies;
import org.shequ.testing.TestInfra;

/**
 * A broker that hangs (SIGSTOP: connections open, no answers) is the outbox's hardest case: the relay's send waits for
 * the producer's whole delivery timeout. Writes must not wait with it: each answers 201 well inside a 5 s client
 * deadline, no database transaction stays open across the send, and once the broker wakes every write is on the
 * topic, once each by id.
 */
@QuarkusTest
@QuarkusTestResource(JwksInfraResource.class)
class FrozenBrokerTest {

    private static final int WRITES = 30;
    /** A write held up behind a send would wait for the producer's 15 s delivery timeout; a deadline, not a measure. */
    private static final RestAssuredConfig FIVE_SECONDS = RestAssuredConfig.config().httpClient(
            HttpClientConfig.httpClientConfig().setParam("http.socket.timeout", 5_000));

    @Test
    void writesAnswerAtOnceWhileTheBrokerIsFrozenAndEachIsPublishedOnceItWakes() throws Exception {
        TestInfra infra = TestInfra.get();
        // A write published before the freeze: the relay's producer is connected and knows the partitions, so the
        // next send goes straight into a request the frozen broker never answers.
        String warm = create();
        TopicReader.read(infra.kafkaBootstrap(), Topics.NOTICES, r -> warm.equals(r.key()), 1, Duration.ZERO,
                Duration.ofSeconds(30));

        List<String> ids = new ArrayList<>();
        long slowestMillis = 0;
        long openTransactions;
        try (Frozen broker = infra.freezeKafka()) {
            for (int i = 0; i < WRITES; i++) {
                long started = System.nanoTime();
                ids.add(create());
                slowestMillis = Math.max(slowestMillis, (System.nanoTime() - started) / 1_000_000);
                Thread.sleep(100); // a steady rate, as clients write
            }
            openTransactions = ProbeDatabase.count("select count(*) from information_schema.innodb_trx "
                    + "where trx_started < now() - interval 2 second");
            assertEquals(WRITES, ProbeDatabase.count("select count(*) from outbox_event where published_at is null "
                    + "and aggregate_id in ('" + String.join("','", ids) + "')"), "events wait while the broker hangs");
        }
        System.out.printf("FrozenBrokerTest: %d writes while the broker was frozen, slowest %d ms%n", WRITES,
                slowestMillis);
        assertEquals(0, openTransactions, "database transactions open for over 2 s while the relay was sending");

        Set<String> keys = Set.copyOf(ids);
        List<ConsumerRecord<String, byte[]>> records = TopicReader.read(infra.kafkaBootstrap(), Topics.NOTICES,
                r -> keys.contains(r.key()), WRITES, Duration.ofSeconds(2), Duration.ofSeconds(90));
        Set<String> eventIds = records.stream().map(r -> KafkaBinding.header(r.headers(), KafkaBinding.CE_ID))
                .collect(Collectors.toSet());
        assertEquals(keys, records.stream().map(ConsumerRecord::key).collect(Collectors.toCollection(HashSet::new)),
                "every write on the topic");
        assertEquals(WRITES, eventIds.size(), "one event per write, whatever was sent twice");
        assertEquals(0, ProbeDatabase.count("select count(*) from outbox_event where published_at is null "
                + "and aggregate_id in ('" + String.join("','", ids) + "')"), "events still pending");
    }

    private static String create() {
        return given().config(FIVE_SECONDS).contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + TestInfra.get().token("community-admin"))
                .body(ProbeBodies.newProbe()).post("/api/v1/probes")
                .then().statusCode(201).extract().path("id");
    }
}
