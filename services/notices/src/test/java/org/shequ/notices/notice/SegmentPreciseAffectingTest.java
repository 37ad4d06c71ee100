package org.shequ.notices.notice;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shequ.testing.ShequInfraResource;
import org.shequ.testing.TestInfra;

/**
 * "Am I affected?" with the district's gazetteer: the seed's 新建路 notice (路东, 北沙河南岸—鑫磊大厦) warns the odd
 * numbers 1–59 and nobody else on 新建路; an address the gazetteer cannot place is still told, by road.
 */
@QuarkusTest
@QuarkusTestResource(ShequInfraResource.class)
class SegmentPreciseAffectingTest {

    private static String xinjian;

    @BeforeEach
    void theSeedsGazetteerAndItsNoticeOnXinjianRoad() {
        if (xinjian == null) {
            NoticeFixtures.seedGazetteer();
            xinjian = NoticeFixtures.create(NoticeFixtures.seedNoticeFromNow(0, 1));
        }
    }

    @Test
    void theStretchKnowsItsHouseNumbersAndSide() {
        given().get("/api/v1/notices/" + xinjian).then().statusCode(200)
                .body("areas[0].houseNumbers.from", equalTo(1)).body("areas[0].houseNumbers.to", equalTo(59))
                .body("areas[0].houseNumbers.parity", equalTo("ODD"));
        given().get("/api/v1/notices/gazetteer/新建路").then().statusCode(200)
                .body("oddSide", equalTo("路东")).body("evenSide", equalTo("路西"))
                .body("landmarks.name", contains("北沙河南岸", "鑫磊大厦"))
                .body("source", org.hamcrest.Matchers.containsString("made up"));
    }

    @Test
    void anAddressOnTheWrongSideOrOutsideTheStretchIsNotAffected() {
        for (String address : List.of("新建路12号", "新建路58号", "新建路61号", "新建路101号", "新建路１２号")) {
            assertFalse(affecting(address).contains(xinjian), address);
        }
    }

    @Test
    void anAddressInsideTheStretchOnItsSideIsAffectedWithPrecisionSegment() {
        for (String address : List.of("新建路13号", "新建路1号", "新建路59号", "迎泽区新建路13号院2单元")) {
            given().queryParam("address", address).queryParam("limit", 200).get("/api/v1/notices/affecting")
                    .then().statusCode(200)
                    .body("items.find { it.id == '" + xinjian + "' }.precision", equalTo("segment"))
                    .body("items.find { it.id == '" + xinjian + "' }.matches[0].precision", equalTo("segment"))
                    .body("items.find { it.id == '" + xinjian + "' }.matchedAreas[0].road", equalTo("新建路"));
        }
    }

    @Test
    void anAddressTheGazetteerCannotPlaceMatchesByRoad() {
        given().queryParam("address", "新建路沿线商铺").queryParam("limit", 200).get("/api/v1/notices/affecting")
                .then().statusCode(200)
                .body("items.find { it.id == '" + xinjian + "' }.precision", equalTo("road"));
        // A road the gazetteer does not know: every address on it, by road, as before.
        String road = "无名" + UUID.randomUUID().toString().substring(0, 6) + "路";
        String elsewhere = createOn(road, "路东", "甲", "乙");
        given().get("/api/v1/notices/" + elsewhere).then().statusCode(200)
                .body("areas[0].houseNumbers", equalTo(null));
        given().queryParam("address", road + "12号").get("/api/v1/notices/affecting").then().statusCode(200)
                .body("items.find { it.id == '" + elsewhere + "' }.precision", equalTo("road"));
        // A landmark the gazetteer does not know on a road it does: by road too.
        String unknownEnd = createOn("新建路", "路东", "北沙河南岸", "不存在的大厦");
        given().queryParam("address", "新建路12号").queryParam("limit", 200).get("/api/v1/notices/affecting")
                .then().statusCode(200)
                .body("items.find { it.id == '" + unknownEnd + "' }.precision", equalTo("road"));
    }

    @Test
    void theAddressCalendarAgreesWithAffecting() {
        String mine = given().queryParam("address", "新建路13号").get("/api/v1/notices/calendar.ics")
                .then().statusCode(200).extract().asString();
        assertTrue(mine.contains("notice-" + xinjian + "@shequ"));
        String across = given().queryParam("address", "新建路12号").get("/api/v1/notices/calendar.ics")
                .then().statusCode(200).extract().asString();
        assertFalse(across.contains("notice-" + xinjian + "@shequ"), "the even side is not told");
    }

    @Test
    void onlyADistrictAdminKeepsTheGazetteerAndAReplacementNeedsTheCurrentVersion() {
        String road = "校验" + UUID.randomUUID().toString().substring(0, 6) + "街";
        Map<String, Object> body = Map.of("oddSide", "路南", "evenSide", "路北",
                "landmarks", List.of(Map.of("name", "东口", "number", 1), Map.of("name", "西口", "number", 99)));
        for (String role : List.of("community-admin", "integration", "resident")) {
            given().contentType(ContentType.JSON).header("Authorization", "Bearer " + TestInfra.get().token(role))
                    .body(body).put("/api/v1/notices/gazetteer/{road}", road).then().statusCode(403);
        }
        given().contentType(ContentType.JSON).body(body).put("/api/v1/notices/gazetteer/{road}", road)
                .then().statusCode(401);
        String etag = given().contentType(ContentType.JSON).header("Authorization", admin()).body(body)
                .put("/api/v1/notices/gazetteer/{road}", road).then().statusCode(201)
                .body("road", equalTo(road)).extract().header("ETag");
        given().contentType(ContentType.JSON).header("Authorization", admin()).body(body)
                .put("/api/v1/notices/gazetteer/{road}", road).then().statusCode(428);
        Map<String, Object> changed = new HashMap<>(body);
        changed.put("oddSide", "路北");
        changed.put("evenSide", "路南");
        given().contentType(ContentType.JSON).header("Authorization", admin()).header("If-Match", etag).body(changed)
                .put("/api/v1/notices/gazetteer/{road}", road).then().statusCode(200)
                .body("oddSide", equalTo("路北"));
        given().contentType(ContentType.JSON).header("Authorization", admin()).header("If-Match", etag).body(body)
                .put("/api/v1/notices/gazetteer/{road}", road).then().statusCode(412);
        given().get("/api/v1/notices/gazetteer").then().statusCode(200).body("items.road", hasItem(road));
        given().get("/api/v1/notices/gazetteer/{road}", "没有这条路").then().statusCode(404);
    }

    @Test
    void aGazetteerEntryThatCannotPlaceAnythingIsA400() {
        String road = "错误" + UUID.randomUUID().toString().substring(0, 6) + "路";
        List<Map<String, Object>> bad = List.of(
                Map.of("oddSide", "路东", "evenSide", "路东", "landmarks", List.of()),
                Map.of("oddSide", "路东", "evenSide", "路南", "landmarks", List.of()),
                Map.of("oddSide", "左边", "evenSide", "路西", "landmarks", List.of()),
                Map.of("oddSide", "路东", "evenSide", "路西", "landmarks", List.of(Map.of("name", "甲", "number", 0))),
                Map.of("oddSide", "路东", "evenSide", "路西", "landmarks", List.of(Map.of("name", "甲", "number", 1),
                        Map.of("name", "甲", "number", 3))));
        for (Map<String, Object> body : bad) {
            given().contentType(ContentType.JSON).header("Authorization", admin()).body(body)
                    .put("/api/v1/notices/gazetteer/{road}", road).then().statusCode(400)
                    .contentType("application/problem+json");
        }
        given().get("/api/v1/notices/gazetteer/{road}", road).then().statusCode(404);
    }

    /** A published water outage on the stretch given, starting tomorrow. */
    private static String createOn(String road, String side, String from, String to) {
        Map<String, Object> notice = NoticeFixtures.seedNoticeFromNow(0, 1);
        notice.put("areas", List.of(Map.of("road", road, "side", side, "from", from, "to", to)));
        return NoticeFixtures.create(notice);
    }

    private static List<String> affecting(String address) {
        return given().queryParam("address", address).queryParam("limit", 200).get("/api/v1/notices/affecting")
                .then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
    }

    private static String admin() {
        return "Bearer " + TestInfra.get().token("district-admin");
    }
}
