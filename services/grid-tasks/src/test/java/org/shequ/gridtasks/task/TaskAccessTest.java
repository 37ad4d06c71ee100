package org.shequ.gridtasks.task;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shequ.gridtasks.GridDatabase;
import org.shequ.testing.ShequInfraResource;
import org.shequ.testing.TestInfra;

/** Object-level rules: a worker's own grid, an admin's own community; the roles come first. */
@QuarkusTest
@QuarkusTestResource(ShequInfraResource.class)
class TaskAccessTest {

    private static String gridA;
    private static String gridB;
    private static String workerA;
    private static String workerB;
    private static String taskOfB;

    @BeforeEach // not @BeforeAll: the app's port is known once the test instance runs
    void twoGridsOfOneCommunityAndATaskInTheSecond() {
        if (gridA != null) {
            return;
        }
        gridA = GridDatabase.createGrid();
        gridB = GridDatabase.createGrid();
        workerA = GridDatabase.registerWorker(gridA);
        workerB = GridDatabase.registerWorker(gridB);
        taskOfB = GridDatabase.reportTask(gridB, workerB, Map.of());
    }

    @Test
    void aWorkerOfAnotherGridIsRefusedOnTheTaskAndNothingChanges() throws Exception {
        long before = GridDatabase.everything();
        GridDatabase.act(taskOfB, "assign", GridDatabase.worker(workerA), workerA)
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", endsWith(":out-of-scope"));
        GridDatabase.act(taskOfB, "cancel", GridDatabase.worker(workerA), workerA).then().statusCode(403);
        given().header("Authorization", GridDatabase.worker(workerA)).get("/api/v1/grid/tasks/" + taskOfB)
                .then().statusCode(403);
        assertEquals(before, GridDatabase.everything());
    }

    @Test
    void theTasksOwnWorkerMayActOnIt() {
        String task = GridDatabase.reportTask(gridB, workerB, Map.of());
        GridDatabase.act(task, "assign", GridDatabase.worker(workerB), workerB).then().statusCode(200)
                .body("status", equalTo("ASSIGNED"));
    }

    @Test
    void aWorkerCannotReportIntoAnotherGridNorAssignSomeoneFromIt() {
        given().contentType("application/json").header("Authorization", GridDatabase.worker(workerA))
                .body(Map.of("category", "SANITATION", "title", "垃圾堆放", "source", "WORKER_VISIT", "gridId", gridB))
                .post("/api/v1/grid/tasks").then().statusCode(403);
        String task = GridDatabase.reportTask(gridB, workerB, Map.of());
        GridDatabase.act(task, "assign", GridDatabase.worker(workerB), workerA)
                .then().statusCode(422).body("errors.field", hasItem("workerIds"));
    }

    @Test
    void anAdminOfAnotherCommunityIsRefused() throws Exception {
        long before = GridDatabase.everything();
        String stranger = GridDatabase.admin("双塔寺一社区");
        GridDatabase.act(taskOfB, "cancel", stranger, workerB).then().statusCode(403)
                .body("type", endsWith(":out-of-scope"));
        given().header("Authorization", stranger).get("/api/v1/grid/tasks/" + taskOfB).then().statusCode(403);
        given().header("Authorization", stranger).get("/api/v1/grid/tasks?community=" + GridDatabase.COMMUNITY)
                .then().statusCode(200).body("items.id", not(hasItem(taskOfB)));
        assertEquals(before, GridDatabase.everything());
    }

    @Test
    void anAdminOfTheCommunityMayActAndAnAdminWithoutACommunityMayNot() {
        String task = GridDatabase.reportTask(gridB, workerB, Map.of());
        GridDatabase.act(task, "cancel", GridDatabase.admin(GridDatabase.COMMUNITY), workerB).then().statusCode(200);
        GridDatabase.act(task, "reopen", "Bearer " + TestInfra.get().token("community-admin"), workerB)
                .then().statusCode(403);
    }

    @Test
    void noTokenIs401AndAResidentOrInspectorIs403OnTransitions() {
        GridDatabase.act(taskOfB, "start", "", workerB).then().statusCode(401);
        given().contentType("application/json").body("{}").post("/api/v1/grid/tasks/" + taskOfB + "/start")
                .then().statusCode(401);
        for (String role : new String[] {"resident", "inspector", "integration"}) {
            GridDatabase.act(taskOfB, "cancel", GridDatabase.bearer(role), workerB).then().statusCode(403)
                    .body("type", endsWith(":forbidden"));
        }
    }

    @Test
    void aWorkersListShowsTheirGridOnlyAndAskingForAnotherIsRefused() {
        GridDatabase.reportTask(gridA, workerA, Map.of());
        given().header("Authorization", GridDatabase.worker(workerA)).get("/api/v1/grid/tasks?open=true")
                .then().statusCode(200).body("items.gridId", everyItem(equalTo(gridA)))
                .body("items.size()", org.hamcrest.Matchers.greaterThan(0));
        given().header("Authorization", GridDatabase.worker(workerA)).get("/api/v1/grid/tasks?gridId=" + gridB)
                .then().statusCode(403);
    }

    @Test
    void anUnregisteredWorkerMayDoNothing() {
        given().header("Authorization", "Bearer " + TestInfra.get().token("grid-worker", "wg-nobody"))
                .get("/api/v1/grid/tasks").then().statusCode(403).body("type", endsWith(":out-of-scope"));
    }
}
