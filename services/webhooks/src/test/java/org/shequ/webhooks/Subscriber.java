package org.shequ.webhooks;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.shequ.model.cloudevents.CloudEvent;
import org.shequ.model.cloudevents.EventJson;
import org.shequ.model.cloudevents.KafkaBinding;
import org.shequ.model.events.Topics;
import org.shequ.model.events.notices.NoticeEvent;
import org.shequ.model.events.notices.NoticePublished;
import org.shequ.testing.TestInfra;

/** A third party subscribing through the API, and notices published on the real broker as the notices service does. */
public final class Subscriber {

    private Subscriber() {
    }

    public static String bearer(String subject) {
        return "Bearer " + TestInfra.get().token("integration", subject);
    }

    public static long count(String sql) throws Exception {
        return TestInfra.get().count("shequ_webhooks", sql);
    }

    /** Subscribes as {@code subject}; answers the created subscription (its secret included). */
    public static JsonPath subscribe(String subject, String url, List<String> types, String address) {
        Map<String, Object> body = new HashMap<>(Map.of("url", url, "types", types));
        if (address != null) {
            body.put("address", address);
        }
        return given().contentType(ContentType.JSON).header("Authorization", bearer(subject)).body(body)
                .post("/api/v1/webhooks/subscriptions").then().statusCode(201).extract().jsonPath();
    }

    /** A 停水通知 published for a road, as a CloudEvent ready to send. */
    public static CloudEvent published(String road) {
        String noticeId = UUID.randomUUID().toString();
        Instant start = Instant.parse("2024-11-26T12:00:00Z");
        return EventJson.envelope(new NoticePublished(noticeId, 0, new NoticeEvent.Snapshot("WATER_OUTAGE", "停水通知",
                "太原供水集团有限公司", "新建南路第一社区", start, start.plusSeconds(12 * 3600),
                List.of(new NoticeEvent.Area(road, "路东", "北沙河南岸", "鑫磊大厦", null, null))), start), Instant.now());
    }

    public static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.get().kafkaBootstrap()),
                new StringSerializer(), new ByteArraySerializer());
    }

    public static void send(KafkaProducer<String, byte[]> producer, CloudEvent event) throws Exception {
        producer.send(KafkaBinding.toRecord(Topics.NOTICES, event)).get();
    }
}
