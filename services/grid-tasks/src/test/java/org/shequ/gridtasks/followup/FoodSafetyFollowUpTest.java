package org.shequ.gridtasks.followup;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
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

/** Failed 小饭桌 inspections become follow-up tasks, through the real broker, once each. */
@QuarkusTest
@QuarkusTestResource(ShequInfraResource.class)
class FoodSafetyFollowUpTest {

    @Test
    void aFailedInspectionDeliveredTwiceMakesOneFollowUpAndAMalformedEventDoesNotBlockTheNext() throws Exception {
        String community = "双塔寺一社区-" + UUID.randomUUID().toString().substring(0, 6);
        String gridId = GridDatabase.createGrid(community);
        CloudEvent failed = completed(community, "FAIL", List.of("SAMPLE_RETENTION", "FIRE_EQUIPMENT"));
        CloudEvent passed = completed(community, "PASS", List.of());
        CloudEvent later = completed(community, "FAIL", List.of("HEALTH_CERTIFICATES"));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.get().kafkaBootstrap()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(KafkaBinding.toRecord(Topics.FOOD_INSPECTIONS, failed)).get();
            producer.send(KafkaBinding.toRecord(Topics.FOOD_INSPECTIONS, failed)).get();
            producer.send(KafkaBinding.toRecord(Topics.FOOD_INSPECTIONS, passed)).get();
            ProducerRecord<String, byte[]> malformed = KafkaBinding.toRecord(Topics.FOOD_INSPECTIONS,
                    new CloudEvent(UUID.randomUUID().toString(), "/shequ/food-inspections",
                            "shequ.food-inspections.inspection.completed.v1", failed.subject(), Instant.now(),
                            "{\"outcome\": ", null));
            producer.send(new ProducerRecord<>(malformed.topic(), null, failed.subject(),
                    "{\"outcome\": ".getBytes(StandardCharsets.UTF_8), malformed.headers())).get();
            producer.send(KafkaBinding.toRecord(Topics.FOOD_INSPECTIONS, later)).get();
        }

        String laterInspection = inspectionId(later);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                GridDatabase.count("select count(*) from task where inspection_id = '" + laterInspection + "'") == 1);
        String failedInspection = inspectionId(failed);
        assertEquals(1, GridDatabase.count("select count(*) from task where inspection_id = '" + failedInspection
                + "' and category = 'FOOD_SAFETY_FOLLOW_UP' and source = 'SYSTEM' and grid_id = '" + gridId + "'"));
        assertEquals(2, GridDatabase.count("select count(*) from task where grid_id = '" + gridId + "'"),
                "the PASS made no task");
        assertEquals(1, GridDatabase.count("select count(*) from inbox_parked where consumer = 'food-safety-follow-ups'"
                + " and payload = '{\"outcome\": '"));

        String taskId = given().header("Authorization", GridDatabase.admin(community))
                .get("/api/v1/grid/tasks?gridId=" + gridId + "&category=FOOD_SAFETY_FOLLOW_UP")
                .then().statusCode(200).extract().path("items.find { it.origin.inspectionId == '"
                        + failedInspection + "' }.id");
        given().header("Authorization", GridDatabase.admin(community)).get("/api/v1/grid/tasks/" + taskId)
                .then().statusCode(200)
                .body("status", equalTo("REPORTED"))
                .body("origin.providerId", equalTo("provider-" + failedInspection))
                .body("title", equalTo("复查童心小饭桌整改情况"))
                .body("history[0].actor", equalTo("system:food-inspections"));
    }

    /**
     * The orders of a failed inspection close one by one as re-inspections pass their items; with the last, the
     * follow-up task closes by itself, once, though the closure arrives twice and once more under a new event id.
     */
    @Test
    void aFollowUpClosesByItselfWhenTheLastOrderItWasMadeForClosesAndOnlyOnce() throws Exception {
        String community = "双塔寺一社区-" + UUID.randomUUID().toString().substring(0, 6);
        GridDatabase.createGrid(community);
        String inspection = UUID.randomUUID().toString();
        CloudEvent failed = EventJson.envelope(new InspectionEvent.Completed(inspection, "provider-" + inspection,
                "童心小饭桌", "双塔寺街12号", community, "ROUTINE", "FAIL", List.of("SAMPLE_RETENTION", "FIRE_EQUIPMENT"),
                Instant.now(), List.of("SAMPLE_RETENTION", "FIRE_EQUIPMENT")), Instant.now());
        String reCheck = UUID.randomUUID().toString();
        CloudEvent first = closed(inspection, "SAMPLE_RETENTION", reCheck);
        CloudEvent last = closed(inspection, "FIRE_EQUIPMENT", reCheck);
        CloudEvent lastAgainUnderANewId = closed(inspection, "FIRE_EQUIPMENT", reCheck);
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(KafkaBinding.toRecord(Topics.FOOD_INSPECTIONS, failed)).get();
            producer.send(KafkaBinding.toRecord(Topics.FOOD_INSPECTIONS, first)).get();
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> GridDatabase.count(
                "select count(*) from task_rectification r join task t on t.id = r.task_id where t.inspection_id = '"
                        + inspection + "' and r.closed_at is not null") == 1);
        String taskId = given().header("Authorization", GridDatabase.admin(community))
                .get("/api/v1/grid/tasks?category=FOOD_SAFETY_FOLLOW_UP").then().statusCode(200)
                .extract().path("items.find { it.origin.inspectionId == '" + inspection + "' }.id");
        given().header("Authorization", GridDatabase.admin(community)).get("/api/v1/grid/tasks/" + taskId)
                .then().statusCode(200).body("status", equalTo("REPORTED")); // one order of two still open

        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(KafkaBinding.toRecord(Topics.FOOD_INSPECTIONS, last)).get();
            producer.send(KafkaBinding.toRecord(Topics.FOOD_INSPECTIONS, last)).get();
            producer.send(KafkaBinding.toRecord(Topics.FOOD_INSPECTIONS, lastAgainUnderANewId)).get();
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> GridDatabase.count(
                "select count(*) from inbox_event where event_id = '" + lastAgainUnderANewId.id() + "'") == 1);
        given().header("Authorization", GridDatabase.admin(community)).get("/api/v1/grid/tasks/" + taskId)
                .then().statusCode(200).body("status", equalTo("VERIFIED"))
                .body("history.action", org.hamcrest.Matchers.contains("report", "resolve"))
                .body("history[1].actor", equalTo("system:food-inspections"));
        assertEquals(1, GridDatabase.count("select count(*) from task_transition where task_id = '" + taskId
                + "' and action = 'resolve'"), "closed once");
        var verified = org.shequ.local.TopicReader.read(TestInfra.get().kafkaBootstrap(), Topics.GRID_TASKS,
                r -> taskId.equals(r.key()) && KafkaBinding.header(r.headers(), KafkaBinding.CE_TYPE).contains("verified"),
                1, Duration.ofSeconds(2), Duration.ofSeconds(30));
        assertEquals(1, verified.size(), "one verified event for the task");
    }

    private static CloudEvent closed(String inspection, String item, String by) {
        return EventJson.envelope(new InspectionEvent.RectificationClosed(inspection, item, by, Instant.now()),
                Instant.now());
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.get().kafkaBootstrap()),
                new StringSerializer(), new ByteArraySerializer());
    }

    private static CloudEvent completed(String community, String outcome, List<String> failedItems) {
        String inspection = UUID.randomUUID().toString();
        return EventJson.envelope(new InspectionEvent.Completed(inspection, "provider-" + inspection, "童心小饭桌",
                "双塔寺街12号", community, "ROUTINE", outcome, failedItems, Instant.now()), Instant.now());
    }

    private static String inspectionId(CloudEvent event) {
        return ((InspectionEvent.Completed) EventJson.data(event)).inspectionId();
    }
}
