package org.shequ.notices.notice;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.shequ.notices.notice.NoticeFixtures.bearer;
import static org.shequ.notices.notice.NoticeFixtures.create;
import static org.shequ.notices.notice.NoticeFixtures.etag;
import static org.shequ.notices.notice.NoticeFixtures.seedNoticeFromNow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.shequ.local.TopicReader;
import org.shequ.model.cloudevents.KafkaBinding;
import org.shequ.model.events.Topics;
import org.shequ.testing.ShequInfraResource;
import org.shequ.testing.TestInfra;

@QuarkusTest
@QuarkusTestResource(ShequInfraResource.class)
class NoticeLifecycleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void draftIsPublishedChangedAndCancelledAndEveryStepReachesTheTopicWithItsSequence() throws Exception {
        Map<String, Object> draft = seedNoticeFromNow(0, 3);
        draft.remove("publish");
        String id = create(draft);
        given().get("/api/v1/notices/" + id).then().statusCode(404);

        given().header("Authorization", bearer("district-admin")).post("/api/v1/notices/" + id + "/publish")
                .then().statusCode(200).body("status", equalTo("PUBLISHED")).body("sequence", equalTo(0))
                .body("publishedAt", notNullValue());
        Map<String, Object> changed = given().get("/api/v1/notices/" + id).then().statusCode(200).extract()
                .jsonPath().getMap("");
        changed.put("instructions", "请提前储水；供水恢复时间以现场通知为准。");
        given().contentType(ContentType.JSON).header("Authorization", bearer("community-admin"))
                .header("If-Match", etag(id)).body(changed).put("/api/v1/notices/" + id)
                .then().statusCode(200).body("sequence", equalTo(1))
                .body("instructions", equalTo("请提前储水；供水恢复时间以现场通知为准。"));
        given().contentType(ContentType.JSON).header("Authorization", bearer("district-admin"))
                .body(Map.of("reason", "管线改造提前完成\n恢复正常供水")).post("/api/v1/notices/" + id + "/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED")).body("sequence", equalTo(2))
                .body("cancelReason", equalTo("管线改造提前完成\n恢复正常供水"));
        given().get("/api/v1/notices/" + id).then().statusCode(200).body("status", equalTo("CANCELLED"));

        var records = TopicReader.read(TestInfra.get().kafkaBootstrap(), Topics.NOTICES, r -> id.equals(r.key()), 4,
                Duration.ofSeconds(2), Duration.ofSeconds(30));
        assertEquals(List.of("drafted", "published", "updated", "cancelled"), records.stream()
                .map(r -> KafkaBinding.header(r.headers(), KafkaBinding.CE_TYPE).split("\\.")[3]).toList());
        assertEquals(List.of("1", "2", "3", "4"), records.stream()
                .map(r -> KafkaBinding.header(r.headers(), KafkaBinding.CE_AGGREGATE_VERSION)).toList());
        JsonNode cancelled = JSON.readTree(records.get(3).value());
        assertEquals(2, cancelled.path("sequence").asInt());
        assertEquals(1, JSON.readTree(records.get(2).value()).path("sequence").asInt());
    }

    @ParameterizedTest(name = "{0} a {1} notice → 409, allowed {2}")
    @CsvSource(delimiter = '|', value = {
            "publish | PUBLISHED | update,cancel,restore,extend",
            "cancel  | DRAFT     | update,publish",
            "restore | DRAFT     | update,publish",
            "extend  | DRAFT     | update,publish",
            "restore | CANCELLED | ''",
            "extend  | EXPIRED   | ''",
            "publish | CANCELLED | ''",
            "cancel  | CANCELLED | ''",
            "update  | CANCELLED | ''",
            "publish | EXPIRED   | ''",
            "cancel  | EXPIRED   | ''",
            "update  | EXPIRED   | ''"})
    void actionNotAllowedFromTheStatusIsA409NamingTheAllowedOnes(String action, String status, String allowed)
            throws Exception {
        String id = noticeIn(status);
        long rows = NoticeFixtures.outboxEvents();
        var request = given().contentType(ContentType.JSON).header("Authorization", bearer("community-admin"));
        var answer = switch (action) {
            case "publish" -> request.post("/api/v1/notices/" + id + "/publish");
            case "cancel" -> request.body(Map.of("reason", "不再需要")).post("/api/v1/notices/" + id + "/cancel");
            case "restore" -> request.body(Map.of("actualEnd", OffsetDateTime.now(ZoneOffset.ofHours(8)).toString()))
                    .post("/api/v1/notices/" + id + "/restore");
            case "extend" -> request.body(Map.of("endsAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(30)
                    .toString(), "reason", "推迟")).post("/api/v1/notices/" + id + "/extend");
            default -> request.header("If-Match", etag(id)).body(NoticeFixtures.content(seedNoticeFromNow(0, 2)))
                    .put("/api/v1/notices/" + id);
        };
        answer.then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:shequ:problem:illegal-transition"))
                .body("allowed", equalTo(allowed.isEmpty() ? List.of() : List.of(allowed.split(","))));
        assertEquals(rows, NoticeFixtures.outboxEvents());
    }

    @Test
    void changingADraftKeepsItsSequenceAndDraftsNeedNoWarning() {
        Map<String, Object> draft = seedNoticeFromNow(0, 3);
        draft.remove("publish");
        String id = create(draft);
        given().contentType(ContentType.JSON).header("Authorization", bearer("community-admin"))
                .header("If-Match", etag(id)).body(NoticeFixtures.content(seedNoticeFromNow(1, 3)))
                .put("/api/v1/notices/" + id)
                .then().statusCode(200).body("sequence", equalTo(0)).body("status", equalTo("DRAFT"))
                .body("areas.road", contains("兴农路", "惠远西街"))
                .body("warningHours", equalTo(null));
    }

    @Test
    void waterOutagePublishedLessThanADayAheadIsFlaggedLate() {
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusHours(10).withNano(0);
        Map<String, Object> late = seedNoticeFromNow(0, 0);
        late.put("startsAt", start.toString());
        late.put("endsAt", start.plusHours(12).toString());
        String id = create(late);
        given().get("/api/v1/notices/" + id).then().statusCode(200)
                .body("lateWarning", equalTo(true)).body("warningHours", equalTo(9));

        Map<String, Object> inTime = seedNoticeFromNow(0, 3);
        String early = create(inTime);
        given().get("/api/v1/notices/" + early).then().statusCode(200)
                .body("lateWarning", equalTo(false)).body("warningHours", equalTo(71));

        Map<String, Object> road = seedNoticeFromNow(0, 0);
        road.put("kind", "ROAD_CLOSURE");
        given().get("/api/v1/notices/" + create(road)).then().statusCode(200).body("lateWarning", equalTo(null));
    }

    @Test
    void outagesClosuresAndWorksMustNameAPlaceButEventsNeedNot() {
        for (String kind : List.of("WATER_OUTAGE", "POWER_OUTAGE", "GAS_OUTAGE", "HEATING_OUTAGE", "ROAD_CLOSURE",
                "CONSTRUCTION")) {
            Map<String, Object> nowhere = seedNoticeFromNow(0, 2);
            nowhere.put("kind", kind);
            nowhere.remove("areas");
            given().contentType(ContentType.JSON).header("Authorization", bearer("community-admin")).body(nowhere)
                    .post("/api/v1/notices").then().statusCode(400).body("errors[0].field", equalTo("areas"));
        }
        Map<String, Object> event = seedNoticeFromNow(0, 2);
        event.put("kind", "COMMUNITY_EVENT");
        event.put("title", "文化集市");
        event.remove("areas");
        create(event);
    }

    /** A notice of the 新建路 seed in the given status; EXPIRED is the seed itself (its window is in 2024). */
    private static String noticeIn(String status) {
        return switch (status) {
            case "EXPIRED" -> create(NoticeFixtures.seedNotices().get(0));
            case "DRAFT" -> {
                Map<String, Object> draft = seedNoticeFromNow(0, 2);
                draft.remove("publish");
                yield create(draft);
            }
            case "CANCELLED" -> {
                String id = create(seedNoticeFromNow(0, 2));
                given().contentType(ContentType.JSON).header("Authorization", bearer("community-admin"))
                        .body(Map.of("reason", "工程取消")).post("/api/v1/notices/" + id + "/cancel")
                        .then().statusCode(200);
                yield id;
            }
            default -> create(seedNoticeFromNow(0, 2));
        };
    }
}
