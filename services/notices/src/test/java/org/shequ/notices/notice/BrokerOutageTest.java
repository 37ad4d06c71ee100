package org.shequ.notices.notice;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.shequ.notices.notice.NoticeFixtures.bearer;
import static org.shequ.notices.notice.NoticeFixtures.waterOutage;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.shequ.model.events.Topics;
import org.shequ.testing.ShequInfraResource;
import org.shequ.testing.TestInfra;
import org.shequ.testing.TopicReader;

/** The outbox keeps writes working through a Kafka outage and delivers the event once the broker is back. */
@QuarkusTest
@QuarkusTestResource(ShequInfraResource.class)
class BrokerOutageTest {

    @Test
    void noticeCreatedWhileTheBrokerIsDownIsPublishedOnceItReturns() throws Exception {
        TestInfra infra = TestInfra.get();
        String id;
        infra.stopKafka();
        try {
            Map<String, Object> body = waterOutage("停水通知（Kafka 停机期间）" + UUID.randomUUID());
            body.put("publish", true);
            id = given().contentType(ContentType.JSON).header("Authorization", bearer("integration")).body(body)
                    .post("/api/v1/notices").then().statusCode(201).extract().path("id");
            given().get("/api/v1/notices/" + id).then().statusCode(200);
            // The relay has had time to try and fail; the event waits in the outbox.
            Thread.sleep(2_000);
            assertEquals(1, NoticeFixtures.count("select count(*) from outbox_event where aggregate_id = '" + id
                    + "' and published_at is null"));
        } finally {
            infra.startKafka();
        }

        var events = TopicReader.read(infra.kafkaBootstrap(), Topics.NOTICES, r -> id.equals(r.key()), 1,
                Duration.ofSeconds(5), Duration.ofSeconds(90));
        assertEquals(1, events.size(), "events for " + id + " after the broker came back");
        assertEquals(0, NoticeFixtures.count("select count(*) from outbox_event where aggregate_id = '" + id
                + "' and published_at is null"));
    }
}
