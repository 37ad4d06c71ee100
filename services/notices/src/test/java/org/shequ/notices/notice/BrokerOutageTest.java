package org.shequ.notices.notice;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.shequ.notices.notice.NoticeFixtures.bearer;
import static org.shequ.notices.notice.NoticeFixtures.waterOutage;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.shequ.model.events.Topics;
import org.shequ.testing.ShequInfraResource;
import org.shequ.testing.TestInfra;
import org.shequ.local.TopicReader;

/** The outbox keeps writes working through a Kafka outage and delivers the event once the broker is back. */
@QuarkusTest
@QuarkusTestResource(ShequInfraResource.class)
class BrokerOutageTest {

    @Test
    void noticesCreatedWhileTheBrokerIsDownArePublishedOnceEachWhenItReturns() throws Exception {
        TestInfra infra = TestInfra.get();
        List<String> ids = new ArrayList<>();
        infra.stopKafka();
        try {
            for (String road : List.of("新建路", "兴农路", "惠远西街")) {
                Map<String, Object> body = waterOutage("停水通知（Kafka 停机期间）" + road + " " + UUID.randomUUID());
                body.put("publish", true);
                String id = given().contentType(ContentType.JSON).header("Authorization", bearer("integration"))
                        .body(body).post("/api/v1/notices").then().statusCode(201).extract().path("id");
                given().get("/api/v1/notices/" + id).then().statusCode(200);
                ids.add(id);
            }
            // The relay has had time to try and fail; the events wait in the outbox.
            Thread.sleep(2_000);
            assertEquals(3, pending(ids));
        } finally {
            infra.startKafka();
        }

        var events = TopicReader.read(infra.kafkaBootstrap(), Topics.NOTICES, r -> ids.contains(r.key()), 3,
                Duration.ofSeconds(5), Duration.ofSeconds(90));
        assertEquals(3, events.size(), "events for " + ids + " after the broker came back");
        assertEquals(Set.copyOf(ids), events.stream().map(r -> r.key()).collect(Collectors.toSet()), "one per notice");
        assertEquals(0, pending(ids));
    }

    private static long pending(List<String> ids) throws Exception {
        return NoticeFixtures.count("select count(*) from outbox_event where published_at is null and aggregate_id in ('"
                + String.join("','", ids) + "')");
    }
}
