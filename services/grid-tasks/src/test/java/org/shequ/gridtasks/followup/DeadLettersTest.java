package org.shequ.gridtasks.followup;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.shequ.gridtasks.GridDatabase;
import org.shequ.model.cloudevents.CloudEvent;
import org.shequ.model.cloudevents.EventJson;
import org.shequ.model.cloudevents.KafkaBinding;
import org.shequ.model.events.Topics;
import org.shequ.model.events.food.InspectionEvent;
import org.shequ.testing.ShequInfraResource;
import org.shequ.testing.TestInfra;

/**
 * An operator's dead letters: a failed inspection of a community that has no grid yet is parked; once the grid
 * exists, a district admin sees the parked record and replays it, and the follow-up is made exactly once.
 */
@QuarkusTest
@QuarkusTestResource(ShequInfraResource.class)
class DeadLettersTest {

    private static final String DEAD_LETTERS = "/api/v1/grid/admin/dead-letters";

    @Test
    void aParkedEventIsListedAndReplayedOnceAfterTheFix() throws Exception {
        String community = "无网格社区-" + UUID.randomUUID().toString().substring(0, 6);
        String inspection = UUID.randomUUID().toString();
        CloudEvent failed = EventJson.envelope(new InspectionEvent.Completed(inspection, "provider-" + inspection,
                "童心小饭桌", "双塔寺街12号", community, "ROUTINE", "FAIL", List.of("LICENSES"), Instant.now(),
                List.of("LICENSES")), Instant.now());
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(KafkaBinding.toRecord(Topics.FOOD_INSPECTIONS, failed)).get();
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> GridDatabase.count(
                "select count(*) from inbox_parked where event_id = '" + failed.id() + "'") == 1);

        String admin = GridDatabase.bearer("district-admin");
        var listed = given().header("Authorization", admin).queryParam("consumer", "food-safety-follow-ups")
                .queryParam("limit", 200).get(DEAD_LETTERS).then().statusCode(200).extract().jsonPath();
        String path = "items.find { it.eventId == '" + failed.id() + "' }";
        assertEquals("shequ.food-inspections.v1", listed.getString(path + ".topic"));
        assertEquals("shequ.food-inspections.inspection.completed.v1", listed.getString(path + ".eventType"));
        org.junit.jupiter.api.Assertions.assertTrue(listed.getString(path + ".error").contains("No grid in community"));
        assertEquals(5, listed.getInt(path + ".attempts"));
        String id = listed.getString(path + ".id");

        for (String role : List.of("community-admin", "grid-worker", "integration")) {
            given().header("Authorization", GridDatabase.bearer(role)).post(DEAD_LETTERS + "/" + id + "/replay")
                    .then().statusCode(403);
        }
        given().header("Authorization", admin).post(DEAD_LETTERS + "/" + id + "/replay")
                .then().statusCode(200).body("outcome", equalTo("failed")).body("error", startsWith(
                        "IllegalStateException"));

        GridDatabase.createGrid(community); // the fix
        given().header("Authorization", admin).post(DEAD_LETTERS + "/" + id + "/replay")
                .then().statusCode(200).body("outcome", equalTo("applied")).body("eventId", equalTo(failed.id()));
        assertEquals(1, GridDatabase.count("select count(*) from task where inspection_id = '" + inspection + "'"));
        assertEquals(0, GridDatabase.count("select count(*) from inbox_parked where event_id = '" + failed.id() + "'"));
        given().header("Authorization", admin).post(DEAD_LETTERS + "/" + id + "/replay").then().statusCode(404);

        try (KafkaProducer<String, byte[]> producer = producer()) { // the same event comes once more
            producer.send(KafkaBinding.toRecord(Topics.FOOD_INSPECTIONS, failed)).get();
        }
        CloudEvent marker = EventJson.envelope(new InspectionEvent.Completed(UUID.randomUUID().toString(), "p", "x",
                "y", community, "ROUTINE", "PASS", List.of(), Instant.now()), Instant.now());
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(KafkaBinding.toRecord(Topics.FOOD_INSPECTIONS, marker)).get();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> GridDatabase.count(
                "select count(*) from inbox_event where event_id = '" + marker.id() + "'") == 1);
        assertEquals(1, GridDatabase.count("select count(*) from task where inspection_id = '" + inspection + "'"),
                "applied once: the inbox knows the replayed event's id");
        given().header("Authorization", admin).post(DEAD_LETTERS + "/replay?consumer=no-such-consumer")
                .then().statusCode(200).body("applied", equalTo(0)).body("more", equalTo(false));
        given().header("Authorization", admin).post(DEAD_LETTERS + "/not-a-number/replay").then().statusCode(400);
        given().header("Authorization", admin).queryParam("consumer", "DROP TABLE").get(DEAD_LETTERS)
                .then().statusCode(400);
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.get().kafkaBootstrap()),
                new StringSerializer(), new ByteArraySerializer());
    }
}
