package org.shequ.platform.outbox;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.shequ.local.TopicReader;
import org.shequ.model.api.TraceParent;
import org.shequ.model.cloudevents.KafkaBinding;
import org.shequ.model.events.Topics;
import org.shequ.platform.probe.JwksInfraResource;
import org.shequ.testing.TestInfra;

/**
 * The request that caused an event travels with it: the event on the topic carries the request's traceparent and
 * X-Request-Id, so a consumer's logs and events can be tied to the click that started them.
 */
@QuarkusTest
@QuarkusTestResource(JwksInfraResource.class)
class EventCauseTest {

    @Test
    void anEventCarriesTheTraceAndRequestIdOfTheRequestThatCausedIt() {
        String trace = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        String requestId = "cause-" + System.nanoTime();
        String id = given().contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + TestInfra.get().token("community-admin"))
                .header("traceparent", trace).header("X-Request-Id", requestId)
                .body(Map.of("code", "C-" + System.nanoTime() % 100_000_000, "kind", "WATER", "label", "新建路给水管线"))
                .post("/api/v1/probes").then().statusCode(201).extract().path("id");
        List<ConsumerRecord<String, byte[]>> records = TopicReader.read(TestInfra.get().kafkaBootstrap(), Topics.NOTICES,
                r -> id.equals(r.key()), 1, Duration.ofSeconds(2), Duration.ofSeconds(60));
        var headers = records.get(0).headers();
        assertEquals(trace, KafkaBinding.header(headers, TraceParent.CE_HEADER));
        assertEquals(trace, KafkaBinding.header(headers, TraceParent.HEADER));
        assertEquals(requestId, KafkaBinding.header(headers, KafkaBinding.CE_REQUEST_ID));
    }

    @Test
    void aRequestWithoutATraceStartsOneAndTheGatewaysNextHopKeepsTheTraceId() {
        String started = TraceParent.nextHop(null);
        assertTrue(TraceParent.isValid(started), started);
        String next = TraceParent.nextHop(started);
        assertEquals(TraceParent.traceId(started), TraceParent.traceId(next));
        assertNotEquals(started, next);
        assertTrue(TraceParent.isValid(TraceParent.acceptOrStart("not-a-trace")));
        assertTrue(!TraceParent.isValid("00-00000000000000000000000000000000-00f067aa0ba902b7-01"));
    }
}
