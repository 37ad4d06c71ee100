package org.shequ.webhooks.delivery;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.shequ.local.TopicReader;
import org.shequ.model.cloudevents.CloudEvent;
import org.shequ.model.events.Topics;
import org.shequ.testing.ShequInfraResource;
import org.shequ.testing.TestInfra;
import org.shequ.webhooks.Receiver;
import org.shequ.webhooks.Subscriber;
import org.shequ.webhooks.signing.WebhookSignature;

/** Events from the real broker to receivers on loopback: filtered, signed, once; retried; disabled when gone. */
@QuarkusTest
@QuarkusTestResource(ShequInfraResource.class)
class DeliveryTest {

    private static final Receiver RECEIVER = new Receiver();

    @Test
    void aNoticeForXinjianluReachesTheSubscriberOfXinjianlu12ExactlyOnceSignedAndNotTheOneOfTaoyuannanlu() throws Exception {
        JsonPath near = Subscriber.subscribe("utility-app", RECEIVER.url("/near"), List.of("shequ.notices.notice.*"),
                "新建路12号");
        JsonPath far = Subscriber.subscribe("school-app", RECEIVER.url("/far"), List.of("shequ.notices.notice.*"),
                "桃园南路11号");
        CloudEvent published = Subscriber.published("新建路");
        try (KafkaProducer<String, byte[]> producer = Subscriber.producer()) {
            Subscriber.send(producer, published);
            Subscriber.send(producer, published); // the broker delivers twice; the subscriber hears once
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> RECEIVER.calls("/near").size() == 1);
        Receiver.Call call = RECEIVER.calls("/near").get(0);
        assertEquals(published.id(), call.id());
        assertTrue(WebhookSignature.verify(near.getString("secret"), call.id(), call.timestamp(), call.body(),
                call.signature(), Instant.now()), "signed with the subscription's secret");
        assertTrue(call.body().contains("\"type\":\"shequ.notices.notice.published.v1\"") && call.body().contains("新建路"));
        // Both subscriptions were weighed in the transaction that queued the first: the other has nothing queued.
        assertEquals(1, Subscriber.count("select count(*) from delivery where subscription_id = '" + near.getString("id")
                + "'"));
        assertEquals(0, Subscriber.count("select count(*) from delivery where subscription_id = '" + far.getString("id")
                + "'"));
        assertEquals(0, RECEIVER.calls("/far").size());

        // A replay sends it again, with the same webhook-id, so the receiver can tell it has it.
        given().header("Authorization", Subscriber.bearer("utility-app")).queryParam("since", "2024-01-01T00:00:00+08:00")
                .post("/api/v1/webhooks/subscriptions/" + near.getString("id") + "/replay")
                .then().statusCode(200).body("replayed", org.hamcrest.Matchers.equalTo(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> RECEIVER.calls("/near").size() == 2);
        assertEquals(published.id(), RECEIVER.calls("/near").get(1).id());
    }

    @Test
    void aReceiverThatFailsThreeTimesGetsTheSameEventFourTimes() throws Exception {
        RECEIVER.answer("/flaky", 500, 500, 500, 200);
        JsonPath subscription = Subscriber.subscribe("flaky-app", RECEIVER.url("/flaky"),
                List.of("shequ.notices.notice.published.v1"), "兴农路3号");
        CloudEvent published = Subscriber.published("兴农路");
        try (KafkaProducer<String, byte[]> producer = Subscriber.producer()) {
            Subscriber.send(producer, published);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> RECEIVER.calls("/flaky").size() == 4);
        List<Receiver.Call> calls = RECEIVER.calls("/flaky");
        assertTrue(calls.stream().allMatch(c -> c.id().equals(published.id())), "the same webhook-id each time");
        // That the waits between attempts grow is RetryWaitTest's: measured arrival gaps here would be a timing
        // assertion, at the mercy of the poll interval and of the machine's load.
        await().atMost(Duration.ofSeconds(10)).until(() -> given().header("Authorization",
                        Subscriber.bearer("flaky-app")).get("/api/v1/webhooks/subscriptions/" + subscription.getString("id")
                        + "/deliveries").then().extract().jsonPath().getString("items[0].status").equals("SUCCEEDED"));
        JsonPath log = given().header("Authorization", Subscriber.bearer("flaky-app"))
                .get("/api/v1/webhooks/subscriptions/" + subscription.getString("id") + "/deliveries")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(500, 500, 500, 200), log.getList("items[0].history.status", Integer.class));
    }

    @Test
    void aReceiverThatAnswers410IsDisabledAndTheSuiteIsTold() throws Exception {
        RECEIVER.answer("/gone", 410);
        JsonPath subscription = Subscriber.subscribe("gone-app", RECEIVER.url("/gone"),
                List.of("shequ.notices.notice.published.v1"), "迎泽大街1号");
        try (KafkaProducer<String, byte[]> producer = Subscriber.producer()) {
            Subscriber.send(producer, Subscriber.published("迎泽大街"));
        }
        String id = subscription.getString("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> "DISABLED".equals(given()
                .header("Authorization", Subscriber.bearer("gone-app")).get("/api/v1/webhooks/subscriptions/" + id)
                .then().extract().path("status")));
        assertEquals("the endpoint answered 410 Gone", given().header("Authorization", Subscriber.bearer("gone-app"))
                .get("/api/v1/webhooks/subscriptions/" + id).then().extract().path("disabledReason"));
        assertEquals(1, TopicReader.read(TestInfra.get().kafkaBootstrap(), Topics.WEBHOOKS, r -> id.equals(r.key()), 1,
                Duration.ofSeconds(2), Duration.ofSeconds(20)).size());
        assertEquals(1, RECEIVER.calls("/gone").size());
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }
}
