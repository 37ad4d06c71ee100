package org.shequ.webhooks.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.shequ.testing.ShequInfraResource;
import org.shequ.testing.TestInfra;
import org.shequ.webhooks.Subscriber;

/** The delivery log keeps 30 days: older finished deliveries and their attempts go, an owed one stays. */
@QuarkusTest
@QuarkusTestResource(ShequInfraResource.class)
class DeliveryLogTrimTest {

    @Inject
    DeliveryHousekeeping housekeeping;

    @Test
    void finishedDeliveriesOlderThanThirtyDaysAreDeletedWithTheirAttemptsAndPendingOnesStay() throws Exception {
        String subscription = Subscriber.subscribe("archivist", "http://127.0.0.1:9/hook",
                List.of("shequ.grid-tasks.*"), null).getString("id");
        String old = UUID.randomUUID().toString();
        String owed = UUID.randomUUID().toString();
        String recent = UUID.randomUUID().toString();
        try (Connection db = TestInfra.get().connect("shequ_webhooks"); Statement sql = db.createStatement()) {
            sql.executeUpdate(row(old, subscription, 1, "SUCCEEDED", 40));
            sql.executeUpdate(row(owed, subscription, 2, "PENDING", 40));
            sql.executeUpdate(row(recent, subscription, 3, "FAILED", 10));
            sql.executeUpdate("insert into delivery_attempt (delivery_id, attempt, at, status, latency_ms) values ('"
                    + old + "', 1, now(6) - interval 40 day, 200, 12)");
        }
        housekeeping.purge();
        String ours = "('" + old + "', '" + owed + "', '" + recent + "')";
        assertEquals(2, Subscriber.count("select count(*) from delivery where id in " + ours));
        assertEquals(0, Subscriber.count("select count(*) from delivery where id = '" + old + "'"));
        assertEquals(0, Subscriber.count("select count(*) from delivery_attempt where delivery_id = '" + old + "'"));
    }

    private static String row(String id, String subscription, int seq, String status, int daysAgo) {
        return "insert into delivery (id, subscription_id, seq, event_id, event_type, aggregate_id, body, status,"
                + " attempts, next_attempt_at, created_at) values ('" + id + "', '" + subscription + "', " + seq
                + ", '" + UUID.randomUUID() + "', 'shequ.grid-tasks.task.reported.v1', 'task', '{}', '" + status
                + "', 1, now(6) + interval 1 day, now(6) - interval " + daysAgo + " day)";
    }
}
