package org.shequ.notices.notice;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shequ.notices.notice.NoticeFixtures.bearer;
import static org.shequ.notices.notice.NoticeFixtures.create;
import static org.shequ.notices.notice.NoticeFixtures.seedNoticeFromNow;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.shequ.local.TopicReader;
import org.shequ.model.cloudevents.KafkaBinding;
import org.shequ.model.events.Topics;
import org.shequ.testing.ShequInfraResource;
import org.shequ.testing.TestInfra;

/** A dispatcher's publish time: nothing is announced before it, everything at it; warning counts from then. */
@QuarkusTest
@QuarkusTestResource(ShequInfraResource.class)
class ScheduledPublicationTest {

    @Test
    void aScheduledNoticeIsOnNoFeedOrTopicBeforeItsTimeAndOnAllOfThemAfter() throws Exception {
        OffsetDateTime publishAt = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusSeconds(3);
        Map<String, Object> notice = seedNoticeFromNow(0, 3);
        notice.remove("publish");
        notice.put("publishAt", publishAt.toString());
        String road = "排期" + java.util.UUID.randomUUID().toString().substring(0, 8) + "路"; // this test's alone
        notice.put("areas", List.of(Map.of("road", road, "side", "路东")));
        String id = create(notice);
        given().header("Authorization", bearer("community-admin")).get("/api/v1/notices/" + id)
                .then().statusCode(200).body("status", equalTo("DRAFT")).body("publishAt", notNullValue())
                .body("publishedAt", nullValue());

        assertNowhereInPublic(id, road + "12号");
        assertTrue(OffsetDateTime.now().isBefore(publishAt), "checked before publishAt (the test machine is slow)");

        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().get("/api/v1/notices/" + id).statusCode() == 200);
        OffsetDateTime publishedAt = OffsetDateTime.parse(given().get("/api/v1/notices/" + id)
                .then().statusCode(200).body("status", equalTo("PUBLISHED")).body("publishAt", nullValue())
                .body("warningHours", equalTo(71)).body("lateWarning", equalTo(false))
                .extract().path("publishedAt"));
        assertFalse(publishedAt.isBefore(publishAt.withNano(0)), publishedAt + " is not before " + publishAt);
        given().get("/api/v1/notices/feed.atom").then().statusCode(200).body(org.hamcrest.Matchers.containsString(id));
        given().get("/api/v1/notices/cap.atom").then().statusCode(200).body(org.hamcrest.Matchers.containsString(id));
        given().get("/api/v1/notices/" + id + "/cap").then().statusCode(200);
        given().queryParam("address", road + "12号").get("/api/v1/notices/affecting")
                .then().statusCode(200).body("items.id", hasItem(id));

        var records = TopicReader.read(TestInfra.get().kafkaBootstrap(), Topics.NOTICES, r -> id.equals(r.key()), 2,
                Duration.ofSeconds(2), Duration.ofSeconds(30));
        assertEquals(List.of("drafted", "published"), records.stream()
                .map(r -> KafkaBinding.header(r.headers(), KafkaBinding.CE_TYPE).split("\\.")[3]).toList(),
                "one draft event (not public) before, one published event at the time");
    }

    /** Not in the public list, the feeds, "am I affected?", the CAP message, nor published on the topic. */
    private static void assertNowhereInPublic(String id, String address) throws Exception {
        given().get("/api/v1/notices/" + id).then().statusCode(404);
        given().queryParam("limit", 200).get("/api/v1/notices").then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        for (String feed : List.of("/api/v1/notices/feed.atom", "/api/v1/notices/cap.atom",
                "/api/v1/notices/calendar.ics")) {
            assertFalse(given().get(feed).then().statusCode(200).extract().asString().contains(id), feed);
        }
        given().get("/api/v1/notices/" + id + "/cap").then().statusCode(404);
        given().queryParam("address", address).get("/api/v1/notices/affecting")
                .then().statusCode(200).body("items", org.hamcrest.Matchers.empty());
        var early = TopicReader.read(TestInfra.get().kafkaBootstrap(), Topics.NOTICES, r -> id.equals(r.key()), 1,
                Duration.ofMillis(300), Duration.ofSeconds(10));
        assertEquals(List.of("drafted"), early.stream()
                .map(r -> KafkaBinding.header(r.headers(), KafkaBinding.CE_TYPE).split("\\.")[3]).toList());
    }

    @Test
    void aDraftGetsItsPublishTimeByAnUpdateAndLosesItByTheNext() throws Exception {
        Map<String, Object> draft = seedNoticeFromNow(0, 3);
        draft.remove("publish");
        String id = create(draft);
        Map<String, Object> scheduled = NoticeFixtures.content(draft);
        scheduled.put("publishAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).plusHours(6).withNano(0).toString());
        String etag = given().contentType(ContentType.JSON).header("Authorization", bearer("community-admin"))
                .header("If-Match", NoticeFixtures.etag(id)).body(scheduled).put("/api/v1/notices/" + id)
                .then().statusCode(200).body("status", equalTo("DRAFT")).body("publishAt", notNullValue())
                .extract().header("ETag");
        given().contentType(ContentType.JSON).header("Authorization", bearer("community-admin"))
                .header("If-Match", etag).body(NoticeFixtures.content(draft)).put("/api/v1/notices/" + id)
                .then().statusCode(200).body("publishAt", nullValue());
        given().header("Authorization", bearer("district-admin")).post("/api/v1/notices/" + id + "/publish")
                .then().statusCode(200);
        given().contentType(ContentType.JSON).header("Authorization", bearer("community-admin"))
                .header("If-Match", NoticeFixtures.etag(id)).body(scheduled).put("/api/v1/notices/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("publishAt"));
    }

    @Test
    void aPublishTimeInThePastOrBesidePublishIsA400AndWritesNothing() throws Exception {
        long before = NoticeFixtures.notices();
        Map<String, Object> past = seedNoticeFromNow(0, 3);
        past.remove("publish");
        past.put("publishAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(1).toString());
        Map<String, Object> both = seedNoticeFromNow(0, 3);
        both.put("publish", true);
        both.put("publishAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).plusHours(1).toString());
        Map<String, Object> afterTheEnd = seedNoticeFromNow(0, 3);
        afterTheEnd.remove("publish");
        afterTheEnd.put("publishAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(5).toString());
        for (Map<String, Object> body : List.of(past, both, afterTheEnd)) {
            given().contentType(ContentType.JSON).header("Authorization", bearer("community-admin")).body(body)
                    .post("/api/v1/notices").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("publishAt"));
        }
        assertEquals(before, NoticeFixtures.notices());
    }

    @Test
    void aPublishedAtGivenByTheClientNeverCountsAsWarningAndAnEmergencyRepairNeedsNone() {
        Map<String, Object> imported = seedNoticeFromNow(0, 0);
        imported.put("publishedAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).minusDays(3).toString());
        given().get("/api/v1/notices/" + create(imported)).then().statusCode(200)
                .body("publishedAt", notNullValue()).body("warningHours", nullValue())
                .body("lateWarning", nullValue());

        Map<String, Object> power = seedNoticeFromNow(0, 0);
        power.put("kind", "POWER_OUTAGE");
        given().get("/api/v1/notices/" + create(power)).then().statusCode(200)
                .body("lateWarning", equalTo(true)).body("warningHours", equalTo(0));

        Map<String, Object> emergency = seedNoticeFromNow(0, 0);
        emergency.put("kind", "EMERGENCY_REPAIR");
        given().get("/api/v1/notices/" + create(emergency)).then().statusCode(200)
                .body("warningHours", nullValue()).body("lateWarning", nullValue());
    }
}
