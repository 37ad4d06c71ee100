package org.shequ.platform.outbox;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.shequ.platform.probe.ProbeDatabase;
import org.shequ.platform.probe.ProbeKind;
import org.shequ.platform.probe.ProbeService;
import org.shequ.platform.probe.api.ProbeRequest;
import org.shequ.platform.probe.JwksInfraResource;
import org.shequ.testing.TestInfra;

/** What an operator relies on: old events go away in bounded batches, and the lag shows while Kafka is down. */
@QuarkusTest
@QuarkusTestResource(JwksInfraResource.class)
class OutboxHousekeepingTest {

    @Inject
    OutboxCleanup cleanup;
    @Inject
    ProbeService probes;

    @Test
    void eventsPublishedBeforeTheRetentionAreDeletedInBatchesAndNewerOnesKept() throws Exception {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        List<String> old = insertPublished(2_500, now.minusDays(8));
        List<String> recent = insertPublished(3, now.minusDays(1));

        long deleted = cleanup.runOnce();

        assertTrue(deleted >= 2_500, "deleted " + deleted);
        assertEquals(0, ProbeDatabase.count("select count(*) from outbox_event where event_id in ('"
                + String.join("','", old.subList(0, 50)) + "')"));
        assertEquals(3, ProbeDatabase.count("select count(*) from outbox_event where event_id in ('"
                + String.join("','", recent) + "')"));
        assertTrue(metric("shequ_outbox_cleanup_deleted_total") >= 2_500);
    }

    @Test
    void lagAndBacklogShowWhileKafkaIsDownAndClearWhenItReturns() {
        TestInfra.get().stopKafka();
        try {
            probes.create(new ProbeRequest("LAG-" + UUID.randomUUID().toString().substring(0, 8), ProbeKind.POWER,
                    "停电检修", null, null, null, null, null), true);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertTrue(metric("shequ_outbox_lag_seconds") >= 2.0, "lag grows");
                assertTrue(metric("shequ_outbox_pending") >= 1, "backlog counted");
            });
        } finally {
            TestInfra.get().startKafka();
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertEquals(0.0, metric("shequ_outbox_lag_seconds"));
            assertEquals(0.0, metric("shequ_outbox_pending"));
        });
    }

    private static List<String> insertPublished(int count, LocalDateTime publishedAt) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection c = TestInfra.get().connect(ProbeDatabase.NAME);
             PreparedStatement insert = c.prepareStatement("INSERT INTO outbox_event (event_id, topic, aggregate_id, "
                     + "aggregate_version, event_type, source, occurred_at, payload, published_at) "
                     + "VALUES (?, 'shequ.notices.v1', 'housekeeping', 1, 'shequ.notices.notice.updated.v1', "
                     + "'/shequ/notices', ?, '{}', ?)")) {
            for (int i = 0; i < count; i++) {
                String id = UUID.randomUUID().toString();
                ids.add(id);
                insert.setString(1, id);
                insert.setTimestamp(2, Timestamp.valueOf(publishedAt));
                insert.setTimestamp(3, Timestamp.valueOf(publishedAt));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return ids;
    }

    private static double metric(String name) {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher value = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*\\})? ([0-9.eE+-]+)$").matcher(text);
        if (!value.find()) {
            throw new AssertionError(name + " not exported");
        }
        return Double.parseDouble(value.group(1));
    }
}
