package org.shequ.notices.notice;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.shequ.notices.notice.NoticeFixtures.bearer;
import static org.shequ.notices.notice.NoticeFixtures.count;
import static org.shequ.notices.notice.NoticeFixtures.waterOutage;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.shequ.testing.ShequInfraResource;
import org.shequ.testing.TestInfra;

/**
 * Whose notices a caller may write (docs/ROLES.md, "Notices: whose objects"): every refusal is a 403
 * {@code out-of-scope} that leaves the notice and the outbox as they were.
 */
@QuarkusTest
@QuarkusTestResource(ShequInfraResource.class)
class NoticeOwnershipTest {

    private static final String OTHER_COMMUNITY = "桥东社区";

    @Test
    void aCommunityAdminCannotCancelAnotherCommunitysNotice() throws Exception {
        String id = createPublished(bearer("district-admin"), OTHER_COMMUNITY);
        long events = NoticeFixtures.outboxEvents();

        given().contentType(ContentType.JSON).header("Authorization", bearer("community-admin"))
                .body(Map.of("reason", "不是我的社区")).post("/api/v1/notices/" + id + "/cancel")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:shequ:problem:out-of-scope"));

        given().get("/api/v1/notices/" + id).then().statusCode(200).body("status", equalTo("PUBLISHED"));
        assertEquals(events, NoticeFixtures.outboxEvents(), "a refusal emits nothing");
    }

    @Test
    void aCommunityAdminCannotCreateANoticeInAnotherCommunity() throws Exception {
        String title = "停水通知 " + UUID.randomUUID();
        Map<String, Object> body = waterOutage(title);
        body.put("community", OTHER_COMMUNITY);

        given().contentType(ContentType.JSON).header("Authorization", bearer("community-admin")).body(body)
                .post("/api/v1/notices").then().statusCode(403).body("type", equalTo("urn:shequ:problem:out-of-scope"));

        assertEquals(0, count("select count(*) from notice where title = '" + title + "'"));
    }

    @Test
    void aCommunityAdminsNoticeWithoutACommunityIsPutInTheirs() {
        Map<String, Object> body = waterOutage("停水通知 " + UUID.randomUUID());
        body.remove("community");

        given().contentType(ContentType.JSON).header("Authorization", bearer("community-admin")).body(body)
                .post("/api/v1/notices").then().statusCode(201).body("community", equalTo(NoticeFixtures.COMMUNITY));
    }

    @Test
    void aCommunityAdminCannotMoveTheirNoticeToAnotherCommunity() {
        String id = NoticeFixtures.create(waterOutage("停水通知 " + UUID.randomUUID()));
        Map<String, Object> moved = NoticeFixtures.content(waterOutage("停水通知 moved"));
        moved.put("community", OTHER_COMMUNITY);

        given().contentType(ContentType.JSON).header("Authorization", bearer("community-admin"))
                .header("If-Match", NoticeFixtures.etag(id)).body(moved).put("/api/v1/notices/" + id)
                .then().statusCode(403).body("type", equalTo("urn:shequ:problem:out-of-scope"));

        given().header("Authorization", bearer("community-admin")).get("/api/v1/notices/" + id)
                .then().statusCode(200).body("community", equalTo(NoticeFixtures.COMMUNITY));
    }

    @Test
    void aCommunityAdminSeesNoDraftOfAnotherCommunity() {
        String title = "停水通知 草稿 " + UUID.randomUUID();
        Map<String, Object> draft = waterOutage(title);
        draft.put("community", OTHER_COMMUNITY);
        String id = given().contentType(ContentType.JSON).header("Authorization", bearer("district-admin"))
                .body(draft).post("/api/v1/notices").then().statusCode(201).extract().path("id");

        given().header("Authorization", bearer("community-admin")).get("/api/v1/notices/" + id)
                .then().statusCode(404);
        given().header("Authorization", bearer("community-admin")).queryParam("q", title).get("/api/v1/notices")
                .then().statusCode(200).body("items.id", not(hasItem(id)));
        given().header("Authorization", bearer("community-admin")).contentType(ContentType.JSON)
                .post("/api/v1/notices/" + id + "/publish").then().statusCode(404);
        given().header("Authorization", bearer("district-admin")).queryParam("q", title).get("/api/v1/notices")
                .then().statusCode(200).body("items.id", hasItem(id));
    }

    @Test
    void anIntegrationCancelsItsOwnNoticesButNotAnothersIssuers() throws Exception {
        String own = createPublished(bearer("integration"), null);
        String others = createPublished(bearer("district-admin"), null);
        long events = NoticeFixtures.outboxEvents();

        given().contentType(ContentType.JSON).header("Authorization", bearer("integration"))
                .body(Map.of("reason", "抢修提前完成")).post("/api/v1/notices/" + others + "/cancel")
                .then().statusCode(403).body("type", equalTo("urn:shequ:problem:out-of-scope"));
        assertEquals(events, NoticeFixtures.outboxEvents());

        given().contentType(ContentType.JSON).header("Authorization", bearer("integration"))
                .body(Map.of("reason", "抢修提前完成")).post("/api/v1/notices/" + own + "/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED"));
    }

    @Test
    void anotherIntegrationCannotChangeANoticeItDidNotCreate() {
        String id = createPublished(bearer("integration"), null);
        String other = "Bearer " + TestInfra.get().token("integration", "other-integration");

        given().contentType(ContentType.JSON).header("Authorization", other)
                .body(Map.of("reason", "冒名取消")).post("/api/v1/notices/" + id + "/cancel")
                .then().statusCode(403).body("type", equalTo("urn:shequ:problem:out-of-scope"));
        given().get("/api/v1/notices/" + id).then().statusCode(200).body("status", equalTo("PUBLISHED"));
    }

    @Test
    void anIntegrationPublishesOnlyAsTheIssuerItIsRegisteredAs() throws Exception {
        String title = "停电通知 " + UUID.randomUUID();
        Map<String, Object> body = waterOutage(title);
        body.put("issuer", "国网太原供电公司"); // registered to other-integration, not to test-integration

        given().contentType(ContentType.JSON).header("Authorization", bearer("integration")).body(body)
                .post("/api/v1/notices").then().statusCode(403).body("type", equalTo("urn:shequ:problem:out-of-scope"));
        given().contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + TestInfra.get().token("integration", "unregistered-client"))
                .body(waterOutage(title)).post("/api/v1/notices").then().statusCode(403);

        assertEquals(0, count("select count(*) from notice where title = '" + title + "'"));
    }

    @Test
    void aCommunityAdminWhoseTokenNamesNoCommunityWritesNothing() throws Exception {
        String title = "停水通知 " + UUID.randomUUID();
        given().contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + TestInfra.get().token("community-admin"))
                .body(waterOutage(title)).post("/api/v1/notices")
                .then().statusCode(403).body("type", equalTo("urn:shequ:problem:out-of-scope"));
        assertEquals(0, count("select count(*) from notice where title = '" + title + "'"));
    }

    private static String createPublished(String bearer, String community) {
        Map<String, Object> body = NoticeFixtures.seedNoticeFromNow(0, 3);
        body.put("title", "停水通知 " + UUID.randomUUID());
        body.put("publish", true);
        if (community != null) {
            body.put("community", community);
        }
        return given().contentType(ContentType.JSON).header("Authorization", bearer).body(body)
                .post("/api/v1/notices").then().statusCode(201).extract().path("id");
    }
}
