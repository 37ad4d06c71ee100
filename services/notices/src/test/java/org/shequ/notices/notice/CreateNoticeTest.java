package org.shequ.notices.notice;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shequ.notices.notice.NoticeFixtures.bearer;
import static org.shequ.notices.notice.NoticeFixtures.waterOutage;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.shequ.model.cloudevents.KafkaBinding;
import org.shequ.model.events.Topics;
import org.shequ.testing.ShequInfraResource;
import org.shequ.testing.TestInfra;
import org.shequ.local.TopicReader;

@QuarkusTest
@QuarkusTestResource(ShequInfraResource.class)
class CreateNoticeTest {

    @Test
    void createdNoticeReadsBackWithTheSameChineseTextAndAreas() {
        String title = "停水通知：新建路路东 𠮷 " + UUID.randomUUID();
        Response created = given().contentType(ContentType.JSON).header("Authorization", bearer("community-admin"))
                .body(waterOutage(title))
                .post("/api/v1/notices")
                .then().statusCode(201)
                .header("Location", notNullValue())
                .header("ETag", notNullValue())
                .extract().response();
        String id = created.path("id");
        String location = created.header("Location");
        assertTrue(new String(created.asByteArray(), StandardCharsets.UTF_8).contains("𠮷"),
                "4-byte characters are written as UTF-8, not as escaped surrogates");
        assertEquals(created.<String>path("createdAt"), given().header("Authorization", bearer("district-admin"))
                .get(location).path("createdAt"), "createdAt as returned on create equals the stored one");
        assertTrue(location.endsWith("/api/v1/notices/" + id), location);

        given().get(location).then().statusCode(404); // a draft: hidden from the public
        String etag = given().header("Authorization", bearer("district-admin")).get(location)
                .then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("title", equalTo(title))
                .body("status", equalTo("DRAFT"))
                .body("issuer", equalTo("太原供水集团有限公司"))
                .body("instructions", equalTo("望相关区域内的用户周知并提前做好储水准备 🚰"))
                .body("startsAt", equalTo("2024-11-26T20:00:00+08:00"))
                .body("endsAt", equalTo("2024-11-27T08:00:00+08:00"))
                .body("areas", hasSize(2))
                .body("areas[0].road", equalTo("新建路"))
                .body("areas[0].side", equalTo("路东"))
                .body("areas[0].from", equalTo("北沙河南岸"))
                .body("areas[0].to", equalTo("鑫磊大厦"))
                .body("areas[1].road", equalTo("𠮷祥路"))
                .extract().header("ETag");
        given().header("Authorization", bearer("district-admin")).header("If-None-Match", etag).get(location)
                .then().statusCode(304);
    }

    @Test
    void publishedNoticeEmitsExactlyOneCloudEventKeyedByItsId() throws Exception {
        Map<String, Object> body = waterOutage("停水通知：兴农路（通达西街—益丰西街）" + UUID.randomUUID());
        body.put("publish", true);
        Instant before = Instant.now();
        String id = given().contentType(ContentType.JSON).header("Authorization", bearer("integration"))
                .body(body).post("/api/v1/notices")
                .then().statusCode(201).body("sequence", equalTo(0))
                // published, and its window (2024-11-26) has passed, so residents see it as EXPIRED
                .body("status", equalTo("EXPIRED"))
                .extract().path("id");
        given().get("/api/v1/notices/" + id).then().statusCode(200).body("id", equalTo(id));

        List<ConsumerRecord<String, byte[]>> events = TopicReader.read(TestInfra.get().kafkaBootstrap(),
                Topics.NOTICES, r -> id.equals(r.key()), 1, Duration.ofSeconds(3), Duration.ofSeconds(60));

        assertEquals(1, events.size(), "events for notice " + id);
        ConsumerRecord<String, byte[]> event = events.get(0);
        String ceId = KafkaBinding.header(event.headers(), "ce_id");
        assertEquals(1, NoticeFixtures.count("select count(*) from outbox_event where event_id = '" + ceId
                + "' and aggregate_id = '" + id + "' and published_at is not null"));
        assertEquals("shequ.notices.notice.published.v1", KafkaBinding.header(event.headers(), "ce_type"));
        assertEquals("/shequ/notices", KafkaBinding.header(event.headers(), "ce_source"));
        assertEquals("1.0", KafkaBinding.header(event.headers(), "ce_specversion"));
        assertEquals("application/json", KafkaBinding.header(event.headers(), "content-type"));
        Instant time = Instant.parse(KafkaBinding.header(event.headers(), "ce_time"));
        assertTrue(!time.isBefore(before.minusSeconds(1)) && time.isBefore(Instant.now()), "ce_time " + time);
        String data = new String(event.value(), StandardCharsets.UTF_8);
        assertTrue(data.contains("\"noticeId\":\"" + id + "\""), data);
        assertTrue(data.contains("兴农路") || data.contains("新建路"), data);
    }

    @Test
    void writesNeedATokenWithAnEditorRole() throws Exception {
        long before = NoticeFixtures.notices();
        given().contentType(ContentType.JSON).body(waterOutage("无令牌")).post("/api/v1/notices")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer").body("status", equalTo(401));
        given().contentType(ContentType.JSON).header("Authorization", bearer("resident"))
                .body(waterOutage("居民不能发布")).post("/api/v1/notices")
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
        given().contentType(ContentType.JSON).header("Authorization", bearer("grid-worker"))
                .body(waterOutage("网格员不能发布")).post("/api/v1/notices")
                .then().statusCode(403);
        for (String bad : new String[] {"not.a.jwt", TestInfra.get().expiredToken("community-admin"),
                TestInfra.get().foreignToken("community-admin")}) {
            given().contentType(ContentType.JSON).header("Authorization", "Bearer " + bad)
                    .body(waterOutage("伪造令牌")).post("/api/v1/notices")
                    .then().statusCode(401).contentType("application/problem+json")
                    .body("detail", equalTo("The bearer token is invalid or expired"));
        }
        assertEquals(before, NoticeFixtures.notices());
    }

    @Test
    void everyResponseCarriesARequestIdAndKeepsTheCallersOne() {
        given().header("X-Request-Id", "gw-123").get("/api/v1/notices/nope")
                .then().statusCode(404).header("X-Request-Id", "gw-123")
                .contentType("application/problem+json").body("requestId", equalTo("gw-123"));
        given().get("/q/health/ready").then().statusCode(200).header("X-Request-Id", notNullValue());
    }
}
