package org.shequ.notices.notice;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.shequ.notices.notice.NoticeFixtures.bearer;
import static org.shequ.notices.notice.NoticeFixtures.waterOutage;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.shequ.testing.ShequInfraResource;

@QuarkusTest
@QuarkusTestResource(ShequInfraResource.class)
class ListNoticesTest {

    @Test
    void cursorPagingVisitsEveryNoticeOnceNewestFirst() {
        String community = "柳巷街道-" + UUID.randomUUID();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(0, publish(community, "停水通知 " + i));
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var page = given().queryParam("community", community).queryParam("limit", 2)
                    .queryParam("cursor", cursor == null ? "" : cursor)
                    .get("/api/v1/notices").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null);

        assertEquals(created, seen);
        assertEquals(3, pages);
    }

    @Test
    void noticesPublishedWhileAResidentScrollsNeitherRepeatNorHideOthers() {
        String community = "五龙口一社区-" + UUID.randomUUID();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(0, publish(community, "停水通知 " + i));
        }
        var first = given().queryParam("community", community).queryParam("limit", 2).get("/api/v1/notices")
                .then().statusCode(200).extract().jsonPath();
        List<String> seen = new ArrayList<>(first.getList("items.id"));
        String cursor = first.getString("nextCursor");
        publish(community, "停水通知 新");
        publish(community, "停电通知 新");
        while (cursor != null) {
            var page = given().queryParam("community", community).queryParam("limit", 2).queryParam("cursor", cursor)
                    .get("/api/v1/notices").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
        }
        assertEquals(created, seen, "the five that were there, once each, in order");
    }

    @Test
    void filtersByKindActiveInstantAndText() {
        String community = "双塔寺一社区-" + UUID.randomUUID();
        String water = publish(community, "停水通知 新建路");
        given().queryParam("community", community).queryParam("activeAt", "2024-11-26T23:00:00+08:00")
                .get("/api/v1/notices").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].id", equalTo(water)).body("nextCursor", nullValue());
        given().queryParam("community", community).queryParam("activeAt", "2024-11-27T08:00:00+08:00")
                .get("/api/v1/notices").then().body("items", hasSize(0));
        given().queryParam("community", community).queryParam("kind", "POWER_OUTAGE")
                .get("/api/v1/notices").then().body("items", hasSize(0));
        given().queryParam("community", community).queryParam("q", "鑫磊大厦")
                .get("/api/v1/notices").then().body("items", hasSize(1));
        given().queryParam("community", community).queryParam("q", "迎泽大街")
                .get("/api/v1/notices").then().body("items", hasSize(0));
    }

    @Test
    void textSearchFindsTitleReasonAndAreasAndPagesWithoutRepeats() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String community = "迎泽区-" + tag;
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Map<String, Object> notice = waterOutage("停水通知 " + i);
            notice.put("community", community);
            notice.put("reason", "配合第" + tag + "号给水工程");
            notice.put("areas", List.of(Map.of("road", "双塔寺街", "compound", "煤化所小区" + tag)));
            notice.put("publish", true);
            created.add(0, given().contentType(ContentType.JSON).header("Authorization", NoticeFixtures.bearerIn(community))
                    .body(notice).post("/api/v1/notices").then().statusCode(201).extract().path("id"));
        }
        // By reason (a term only these notices have), by area, by a title word, and not by what none has.
        given().queryParam("q", "第" + tag + "号").get("/api/v1/notices").then().body("items.id", equalTo(created));
        given().queryParam("q", "煤化所小区" + tag).get("/api/v1/notices").then().body("items.id", equalTo(created));
        given().queryParam("q", "停水通知 3").queryParam("community", community).get("/api/v1/notices").then()
                .body("items", hasSize(1));
        given().queryParam("q", "不存在的词" + tag).get("/api/v1/notices").then().body("items", hasSize(0));
        given().queryParam("q", "煤").queryParam("community", community).get("/api/v1/notices").then()
                .body("items", hasSize(5));

        List<String> seen = new ArrayList<>();
        String cursor = "";
        do {
            var page = given().queryParam("q", "第" + tag + "号").queryParam("limit", 2).queryParam("cursor", cursor)
                    .get("/api/v1/notices").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertEquals(created, seen);
        given().queryParam("q", "双塔寺街").queryParam("activeAt", "2024-11-26T23:00:00+08:00")
                .queryParam("community", community).get("/api/v1/notices").then().body("items", hasSize(5));
    }

    @Test
    void draftsAreListedOnlyForEditors() {
        String community = "幸福社区-" + UUID.randomUUID();
        Map<String, Object> draft = waterOutage("草稿");
        draft.put("community", community);
        given().contentType(ContentType.JSON).header("Authorization", NoticeFixtures.bearerIn(community)).body(draft)
                .post("/api/v1/notices").then().statusCode(201);

        given().queryParam("community", community).get("/api/v1/notices").then().body("items", hasSize(0));
        given().queryParam("community", community).header("Authorization", bearer("resident"))
                .get("/api/v1/notices").then().body("items", hasSize(0));
        given().queryParam("community", community).header("Authorization", NoticeFixtures.bearerIn(community))
                .get("/api/v1/notices").then().body("items", hasSize(1)).body("items[0].status", equalTo("DRAFT"));
        given().queryParam("community", community).header("Authorization", bearer("district-admin"))
                .get("/api/v1/notices").then().body("items", hasSize(1));
        given().queryParam("community", community).header("Authorization", bearer("community-admin"))
                .get("/api/v1/notices").then().body("items", hasSize(0)); // an admin of another community
    }

    private static String publish(String community, String title) {
        Map<String, Object> body = waterOutage(title);
        body.put("community", community);
        body.put("publish", true);
        return given().contentType(ContentType.JSON).header("Authorization", bearer("district-admin")).body(body)
                .post("/api/v1/notices").then().statusCode(201).body("id", notNullValue()).extract().path("id");
    }
}
