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

    /** Two clean-ups of building 1 are one building done; building 2 is under way; building 3 not started. */
    @Test
    void aBuildingCampaignCountsDistinctBuildingsAndListsEachOnesState() {
        String admin = GridDatabase.admin(GridDatabase.COMMUNITY);
        String gridId = GridDatabase.createGrid();
        String workerId = GridDatabase.registerWorker(gridId);
        String campaign = given().contentType(ContentType.JSON).header("Authorization", admin)
                .body(Map.of("title", "三栋楼楼道清理", "compound", "胜利东街7号院", "targetCount", 3, "unit", "栋"))
                .post("/api/v1/grid/campaigns").then().statusCode(201).extract().path("id");
        for (String building : new String[] {"1", "1号楼"}) {
            finish(GridDatabase.reportTask(gridId, workerId, Map.of("campaignId", campaign,
                    "location", Map.of("compound", "胜利东街7号院", "building", building))), admin, workerId);
        }
        String second = GridDatabase.reportTask(gridId, workerId, Map.of("campaignId", campaign,
                "location", Map.of("compound", "胜利东街7号院", "building", "2")));
        GridDatabase.act(second, "assign", admin, workerId).then().statusCode(200);

        given().header("Authorization", admin).get("/api/v1/grid/campaigns/" + campaign).then().statusCode(200)
                .body("progress.done", equalTo(1)).body("progress.percent", equalTo(33.3f))
                .body("buildings.building", org.hamcrest.Matchers.contains("1", "2", "3"))
                .body("buildings.state", org.hamcrest.Matchers.contains("DONE", "IN_PROGRESS", "NOT_STARTED"));
        given().header("Authorization", admin).get("/api/v1/grid/campaigns?community=" + GridDatabase.COMMUNITY
                        + "&limit=200").then().statusCode(200)
                .body("items.find { it.id == '" + campaign + "' }.progress.done", equalTo(1));

        given().contentType(ContentType.JSON).header("Authorization", admin)
                .body(Map.of("title", "楼道清理", "targetCount", 3, "unit", "栋", "buildings", java.util.List.of("A座", "B座")))
                .post("/api/v1/grid/campaigns").then().statusCode(400).body("errors[0].field", equalTo("buildings"));
        given().contentType(ContentType.JSON).header("Authorization", admin)
                .body(Map.of("title", "楼道清理", "targetCount", 2, "unit", "栋", "buildings", java.util.List.of("6", "6号楼")))
                .post("/api/v1/grid/campaigns").then().statusCode(400).body("errors[0].field", equalTo("buildings"));
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
