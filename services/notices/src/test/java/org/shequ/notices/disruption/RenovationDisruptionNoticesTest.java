package org.shequ.notices.disruption;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.shequ.model.cloudevents.CloudEvent;
import org.shequ.model.cloudevents.EventJson;
import org.shequ.model.cloudevents.KafkaBinding;
import org.shequ.model.events.Topics;
import org.shequ.model.events.renovations.RenovationProjectEvent;
import org.shequ.testing.ShequInfraResource;
import org.shequ.testing.TestInfra;

/**
 * Renovation disruptions, put on the real broker as the renovations service publishes them, become published notices
 * residents find with "am I affected?": once each however often delivered, updated when changed, cancelled when
 * called off.
 */
@QuarkusTest
@QuarkusTestResource(ShequInfraResource.class)
class RenovationDisruptionNoticesTest {

    private static final ZonedDateTime NEXT_WEEK = ZonedDateTime.now(java.time.ZoneId.of("Asia/Shanghai"))
            .plusDays(7).withHour(8).withMinute(0).withSecond(0).withNano(0);

    @Test
    void aDisruptionBecomesOneNoticeThatFollowsItsChangesAndItsCancellation() throws Exception {
        String project = UUID.randomUUID().toString();
        String disruption = UUID.randomUUID().toString();
        String road = "西铭路" + UUID.randomUUID().toString().substring(0, 4);
        CloudEvent announced = EventJson.envelope(new RenovationProjectEvent.DisruptionAnnounced(project, disruption, 1,
                "小广场防滑塑胶地面改造", "c-47", "西铭路47号院", "康乐苑社区", "ROAD_CLOSURE", NEXT_WEEK.toInstant(),
                NEXT_WEEK.plusDays(2).toInstant(), "施工车辆进出，封闭半幅道路",
                List.of(new RenovationProjectEvent.Area(road, "路北", "47号院北门", "西铭路口", null, null),
                        new RenovationProjectEvent.Area(null, null, null, null, "西铭路47号院", null))), Instant.now());
        send(announced);
        send(announced);
        // The same disruption announced again under another event id (a producer retry after a crash) changes nothing.
        send(EventJson.envelope(EventJson.data(announced), Instant.now()));

        String notice = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(
                () -> given().get("/api/v1/notices/affecting?address=" + road + "12号").then().extract()
                        .jsonPath().getString("items.find { it.kind == 'ROAD_CLOSURE' }.id"), id -> id != null);
        given().get("/api/v1/notices/" + notice).then().statusCode(200)
                .body("status", equalTo("PUBLISHED"))
                .body("issuer", equalTo("康乐苑社区"))
                .body("title", equalTo("道路封闭公告：西铭路47号院 小广场防滑塑胶地面改造"))
                .body("areas.compound", hasItem("西铭路47号院"))
                .body("sequence", equalTo(0));

        send(EventJson.envelope(new RenovationProjectEvent.DisruptionChanged(project, disruption, 2,
                "小广场防滑塑胶地面改造", "c-47", "西铭路47号院", "康乐苑社区", "ROAD_CLOSURE", NEXT_WEEK.toInstant(),
                NEXT_WEEK.plusDays(3).toInstant(), "工期延长一天",
                List.of(new RenovationProjectEvent.Area(road, "路北", "47号院北门", "西铭路口", null, null))),
                Instant.now()));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(
                () -> given().get("/api/v1/notices/" + notice).then().extract().jsonPath().getInt("sequence") == 1);
        String endsAt = given().get("/api/v1/notices/" + notice).then()
                .body("reason", equalTo("因老旧小区改造（小广场防滑塑胶地面改造）施工：工期延长一天"))
                .extract().path("endsAt");
        assertEquals(NEXT_WEEK.plusDays(3).toInstant(), java.time.OffsetDateTime.parse(endsAt).toInstant());

        send(EventJson.envelope(new RenovationProjectEvent.DisruptionCancelled(project, disruption, 3, "改为夜间施工",
                Instant.now()), Instant.now()));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(
                () -> "CANCELLED".equals(given().get("/api/v1/notices/" + notice).then().extract().path("status")));
        assertEquals(1, TestInfra.get().count("shequ_notices", "select count(*) from notice_source where source = "
                + "'renovations:disruption:" + disruption + "'"));
        assertEquals(1, TestInfra.get().count("shequ_notices", "select count(*) from notice n join notice_area a"
                + " on a.notice_id = n.id where a.road = '" + road + "'"), "one notice for the disruption");
    }

    private static void send(CloudEvent event) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfra.get().kafkaBootstrap()), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(KafkaBinding.toRecord(Topics.RENOVATIONS, event)).get();
        }
    }
}
