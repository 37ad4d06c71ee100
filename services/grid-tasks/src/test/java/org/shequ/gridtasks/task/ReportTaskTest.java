package org.shequ.gridtasks.task;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.shequ.gridtasks.GridDatabase;
import org.shequ.local.TopicReader;
import org.shequ.model.cloudevents.KafkaBinding;
import org.shequ.model.events.Topics;
import org.shequ.testing.ShequInfraResource;
import org.shequ.testing.TestInfra;

@QuarkusTest
@QuarkusTestResource(ShequInfraResource.class)
class ReportTaskTest {

    @Test
    void reportedStairwellClutterReadsBackAndIsAnnounced() {
        String gridId = GridDatabase.createGrid();
        String workerId = GridDatabase.registerWorker(gridId);
        String id = given().contentType(ContentType.JSON).header("Authorization", GridDatabase.worker(workerId))
                .body(Map.of("category", "CLUTTER_CLEARANCE", "title", "6号楼楼道杂物堆放", "source", "WORKER_VISIT",
                        "gridId", gridId, "location", Map.of("community", "富力城社区", "compound", "胜利东街7号院",
                                "building", "6")))
                .post("/api/v1/grid/tasks")
                .then().statusCode(201)
                .body("status", equalTo("REPORTED"))
                .body("priority", equalTo("NORMAL"))
                .extract().path("id");
        given().header("Authorization", GridDatabase.admin(GridDatabase.COMMUNITY)).get("/api/v1/grid/tasks/" + id)
                .then().statusCode(200)
                .body("location.compound", equalTo("胜利东街7号院"))
                .body("gridId", equalTo(gridId));

        var records = TopicReader.read(TestInfra.get().kafkaBootstrap(), Topics.GRID_TASKS, r -> id.equals(r.key()),
                1, Duration.ofSeconds(2), Duration.ofSeconds(20));
        assertEquals(1, records.size());
        assertEquals("shequ.grid-tasks.task.reported.v1", KafkaBinding.header(records.get(0).headers(), KafkaBinding.CE_TYPE));
    }

    @Test
    void taskInAnUnknownGridIsA422NamingGridIdAndWritesNothing() throws Exception {
        long before = GridDatabase.tasksAndEvents();
        given().contentType(ContentType.JSON).header("Authorization", GridDatabase.bearer("district-admin"))
                .body(Map.of("category", "SAFETY_HAZARD", "title", "消防通道堵塞", "source", "WORKER_VISIT",
                        "gridId", "no-such-grid"))
                .post("/api/v1/grid/tasks")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("gridId"));
        assertEquals(before, GridDatabase.tasksAndEvents());
    }

    /** A report names its compound, not a grid id: it goes to the grid covering it, and nowhere when none does. */
    @Test
    void aReportWithoutAGridGoesToTheGridCoveringItsCompoundAndAnUncoveredCompoundIsA422() throws Exception {
        String compound = "迎泽里" + UUID.randomUUID().toString().substring(0, 6) + "号院";
        String covering = given().contentType(ContentType.JSON).header("Authorization", GridDatabase.bearer("district-admin"))
                .body(Map.of("community", GridDatabase.COMMUNITY, "name", "覆盖网格-" + compound, "compounds",
                        java.util.List.of(compound)))
                .post("/api/v1/grid/grids").then().statusCode(201).extract().path("id");
        String admin = GridDatabase.admin(GridDatabase.COMMUNITY);
        given().contentType(ContentType.JSON).header("Authorization", admin)
                .body(Map.of("category", "SAFETY_HAZARD", "title", "3号楼电动车楼道充电", "source", "WORKER_VISIT",
                        "location", Map.of("community", GridDatabase.COMMUNITY, "compound", compound, "building", "3")))
                .post("/api/v1/grid/tasks").then().statusCode(201).body("gridId", equalTo(covering));

        long before = GridDatabase.everything();
        String nobodys = "无人管" + UUID.randomUUID().toString().substring(0, 6) + "号院";
        given().contentType(ContentType.JSON).header("Authorization", admin)
                .body(Map.of("category", "SAFETY_HAZARD", "title", "楼道堆物", "source", "WORKER_VISIT",
                        "location", Map.of("community", GridDatabase.COMMUNITY, "compound", nobodys)))
                .post("/api/v1/grid/tasks").then().statusCode(422)
                .body("errors[0].field", equalTo("location.compound"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString(nobodys));
        given().contentType(ContentType.JSON).header("Authorization", admin)
                .body(Map.of("category", "SAFETY_HAZARD", "title", "楼道堆物", "source", "WORKER_VISIT"))
                .post("/api/v1/grid/tasks").then().statusCode(400).body("errors[0].field", equalTo("gridId"));
        assertEquals(before, GridDatabase.everything(), "nothing written");
    }

    @Test
    void secondGridOfTheSameNameInACommunityIsA409() throws Exception {
        Map<String, String> grid = Map.of("community", "双塔寺一社区", "name", "网格-" + UUID.randomUUID());
        given().contentType(ContentType.JSON).header("Authorization", GridDatabase.admin("双塔寺一社区")).body(grid)
                .post("/api/v1/grid/grids").then().statusCode(201);
        long before = GridDatabase.count("select count(*) from grid");
        given().contentType(ContentType.JSON).header("Authorization", GridDatabase.admin("双塔寺一社区")).body(grid)
                .post("/api/v1/grid/grids")
                .then().statusCode(409).contentType("application/problem+json")
                .body("errors.field", hasItems("community", "name"));
        assertEquals(before, GridDatabase.count("select count(*) from grid"));
    }

    @Test
    void tasksAreNotPublicAndResidentsCannotFileThemHere() {
        given().get("/api/v1/grid/tasks/anything").then().statusCode(401);
        given().contentType(ContentType.JSON).header("Authorization", GridDatabase.bearer("resident"))
                .body(Map.of("category", "OTHER", "title", "x", "source", "RESIDENT_REPORT", "gridId", "g"))
                .post("/api/v1/grid/tasks").then().statusCode(403);
    }
}
