package org.shequ.gridtasks.campaign;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shequ.gridtasks.GridDatabase;
import org.shequ.testing.ShequInfraResource;

/** Progress counts DONE and VERIFIED tasks now, so it follows completions, reopenings and cancellations. */
@QuarkusTest
@QuarkusTestResource(ShequInfraResource.class)
class CampaignProgressTest {

    @Test
    void progressFollowsCompletionsReopeningsAndCancellations() {
        String admin = GridDatabase.admin(GridDatabase.COMMUNITY);
        String gridId = GridDatabase.createGrid();
        String workerId = GridDatabase.registerWorker(gridId);
        String campaign = given().contentType(ContentType.JSON).header("Authorization", admin)
                .body(Map.of("title", "胜利东街7号院楼道清理", "compound", "胜利东街7号院", "targetCount", 8, "unit", "栋"))
                .post("/api/v1/grid/campaigns")
                .then().statusCode(201)
                .body("community", equalTo(GridDatabase.COMMUNITY))
                .body("progress.done", equalTo(0)).body("progress.target", equalTo(8))
                .extract().path("id");
        String first = GridDatabase.reportTask(gridId, workerId, Map.of("campaignId", campaign));
        String second = GridDatabase.reportTask(gridId, workerId, Map.of("campaignId", campaign,
                "location", Map.of("compound", "胜利东街7号院", "building", "7")));

        finish(first, admin, workerId);
        assertProgress(campaign, 1, "12.5");
        GridDatabase.act(first, "verify", admin, workerId).then().statusCode(200);
        assertProgress(campaign, 1, "12.5");
        GridDatabase.act(first, "reopen", admin, workerId).then().statusCode(200);
        assertProgress(campaign, 0, "0.0");
        GridDatabase.act(first, "start", admin, workerId).then().statusCode(200);
        GridDatabase.act(first, "complete", admin, workerId).then().statusCode(200);
        finish(second, admin, workerId);
        assertProgress(campaign, 2, "25.0");
        GridDatabase.act(second, "reopen", admin, workerId).then().statusCode(200);
        GridDatabase.act(second, "cancel", admin, workerId).then().statusCode(200);
        assertProgress(campaign, 1, "12.5");
    }

    @Test
    void aTaskCannotJoinACampaignOfAnotherCommunity() throws Exception {
        String other = given().contentType(ContentType.JSON).header("Authorization", GridDatabase.bearer("district-admin"))
                .body(Map.of("title", "西铭路47号院广场清扫", "targetCount", 1, "unit", "次", "community", "康乐苑社区"))
                .post("/api/v1/grid/campaigns").then().statusCode(201).extract().path("id");
        String gridId = GridDatabase.createGrid();
        String workerId = GridDatabase.registerWorker(gridId);
        long before = GridDatabase.everything();
        given().contentType(ContentType.JSON).header("Authorization", GridDatabase.worker(workerId))
                .body(Map.of("category", "SANITATION", "title", "清扫", "source", "WORKER_VISIT", "gridId", gridId,
                        "campaignId", other))
                .post("/api/v1/grid/tasks").then().statusCode(422).body("errors[0].field", equalTo("campaignId"));
        org.junit.jupiter.api.Assertions.assertEquals(before, GridDatabase.everything());
    }

    private static void finish(String task, String admin, String workerId) {
        for (String action : new String[] {"assign", "start", "complete"}) {
            GridDatabase.act(task, action, admin, workerId).then().statusCode(200);
        }
    }

    private static void assertProgress(String campaign, int done, String percent) {
        given().header("Authorization", GridDatabase.admin(GridDatabase.COMMUNITY))
                .get("/api/v1/grid/campaigns/" + campaign)
                .then().statusCode(200)
                .body("progress.done", equalTo(done))
                .body("progress.percent", equalTo(Float.valueOf(percent)));
    }
}
