package org.shequ.notices.notice;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.shequ.notices.notice.NoticeFixtures.create;
import static org.shequ.notices.notice.NoticeFixtures.seedNoticeFromNow;
import static org.shequ.notices.notice.NoticeFixtures.seedNotices;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.shequ.testing.ShequInfraResource;

/** The two 停水通知 of the newspaper page, as residents would query them. */
@QuarkusTest
@QuarkusTestResource(ShequInfraResource.class)
class SeedNoticesTest {

    @Test
    void bothSeedNoticesAreActiveAtTenPmAndNeitherAtHalfPastEightNextMorning() {
        String community = "新建南路第一社区-" + UUID.randomUUID();
        String xinjian = create(inCommunity(seedNotices().get(0), community));
        String xingnong = create(inCommunity(seedNotices().get(1), community));
        given().queryParam("community", community).queryParam("activeAt", "2024-11-26T22:00+08:00")
                .get("/api/v1/notices").then().statusCode(200)
                .body("items.id", containsInAnyOrder(xinjian, xingnong));
        given().queryParam("community", community).queryParam("activeAt", "2024-11-27T08:30+08:00")
                .get("/api/v1/notices").then().statusCode(200).body("items", hasSize(0));
        given().queryParam("community", community).queryParam("status", "EXPIRED")
                .get("/api/v1/notices").then().statusCode(200).body("items", hasSize(2))
                .body("items[0].status", equalTo("EXPIRED"));
    }

    @Test
    void seedNoticesKeepThePrintedPublicationDateAndClaimNoWarningThisServiceDidNotMeasure() {
        String id = create(inCommunity(seedNotices().get(0), "柳巷街道-" + UUID.randomUUID()));
        given().get("/api/v1/notices/" + id).then().statusCode(200)
                // The page says 44 hours, but a publishedAt a client gives is never what warning is measured from.
                .body("warningHours", equalTo(null))
                .body("lateWarning", equalTo(null))
                .body("areas[0].description", equalTo("新建路路东(北沙河南岸—鑫磊大厦)"))
                .body("publishedAt", equalTo("2024-11-25T00:00:00+08:00"));
    }

    @Test
    void theThreeAddressesOfTheIssueMatchAsResidentsExpect() {
        NoticeFixtures.seedGazetteer();
        String xinjian = create(seedNoticeFromNow(0, 1));
        String xingnong = create(seedNoticeFromNow(1, 1));

        given().queryParam("address", "新建路12号").queryParam("limit", 200).get("/api/v1/notices/affecting")
                .then().statusCode(200)
                .body("items.id", not(hasItem(xinjian))); // 路西: the even side, not the notice's 路东
        given().queryParam("address", "新建路13号").queryParam("limit", 200).get("/api/v1/notices/affecting")
                .then().statusCode(200)
                .body("items.id", hasItem(xinjian))
                .body("items.id", not(hasItem(xingnong)))
                .body("items.find { it.id == '" + xinjian + "' }.matchedAreas.road", containsInAnyOrder("新建路"));
        given().queryParam("address", "惠远西街3号").queryParam("limit", 200).get("/api/v1/notices/affecting").then().statusCode(200)
                .body("items.id", hasItem(xingnong))
                .body("items.id", not(hasItem(xinjian)))
                .body("items.find { it.id == '" + xingnong + "' }.matchedAreas.road", containsInAnyOrder("惠远西街"));
        given().queryParam("address", "桃园南路11号").get("/api/v1/notices/affecting").then().statusCode(200)
                .body("items.id", not(hasItem(xinjian)))
                .body("items.id", not(hasItem(xingnong)));
        given().queryParam("address", "兴农路与惠远西街交叉口").get("/api/v1/notices/affecting").then().statusCode(200)
                .body("items.find { it.id == '" + xingnong + "' }.matchedAreas.road",
                        containsInAnyOrder("兴农路", "惠远西街"));
    }

    @Test
    void onlyPublishedNoticesThatHaveNotEndedAffectAnyone() {
        Map<String, Object> draft = seedNoticeFromNow(0, 1);
        draft.remove("publish");
        String draftId = create(draft);
        String ended = create(seedNotices().get(0));
        String cancelled = create(seedNoticeFromNow(0, 2));
        given().contentType("application/json").header("Authorization", NoticeFixtures.bearer("community-admin"))
                .body(Map.of("reason", "工程延期")).post("/api/v1/notices/" + cancelled + "/cancel")
                .then().statusCode(200);
        given().queryParam("address", "新建路13号").get("/api/v1/notices/affecting").then().statusCode(200)
                .body("items.id", not(hasItem(draftId)))
                .body("items.id", not(hasItem(ended)))
                .body("items.id", not(hasItem(cancelled)));
    }

    private static Map<String, Object> inCommunity(Map<String, Object> notice, String community) {
        Map<String, Object> copy = new HashMap<>(notice);
        copy.put("community", community);
        return copy;
    }
}
