package org.shequ.gridtasks.task;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shequ.gridtasks.GridDatabase;
import org.shequ.testing.ShequInfraResource;

/** A grid worker's phone: my tasks, soonest due first, and what is overdue. */
@QuarkusTest
@QuarkusTestResource(ShequInfraResource.class)
class MyTasksTest {

    private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.ofHours(8)).withNano(0);

    @Test
    void aWorkersOwnTasksComeSoonestDueFirstUndatedLastAndPageToTheEnd() {
        String grid = GridDatabase.createGrid();
        String me = GridDatabase.registerWorker(grid);
        String colleague = GridDatabase.registerWorker(grid);
        String later = assigned(grid, me, NOW.plusDays(3));
        String undated = assigned(grid, me, null);
        String overdue = assigned(grid, me, NOW.minusHours(5));
        String soon = assigned(grid, me, NOW.plusHours(2));
        String theirs = assigned(grid, colleague, NOW.plusHours(1));

        given().header("Authorization", GridDatabase.worker(me)).queryParam("assignee", "me")
                .get("/api/v1/grid/tasks").then().statusCode(200)
                .body("items.id", contains(overdue, soon, later, undated));
        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().header("Authorization", GridDatabase.worker(me)).queryParam("assignee", "me")
                    .queryParam("limit", 1);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/v1/grid/tasks").then().statusCode(200).extract().jsonPath();
            paged.addAll(page.getList("items.id", String.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertEquals(List.of(overdue, soon, later, undated), paged, "one at a time, the same order, to the end");

        given().header("Authorization", GridDatabase.worker(colleague)).queryParam("assignee", "me")
                .get("/api/v1/grid/tasks").then().statusCode(200).body("items.id", contains(theirs));
        given().header("Authorization", GridDatabase.admin(GridDatabase.COMMUNITY)).queryParam("assignee", me)
                .queryParam("gridId", grid).get("/api/v1/grid/tasks").then().statusCode(200)
                .body("items.id", contains(overdue, soon, later, undated));
    }

    @Test
    void overdueListsTheOpenTasksPastTheirDueTimeAndNotTheDoneOnes() {
        String grid = GridDatabase.createGrid();
        String me = GridDatabase.registerWorker(grid);
        String yesterday = assigned(grid, me, NOW.minusDays(1));
        String anHourAgo = assigned(grid, me, NOW.minusHours(1));
        assigned(grid, me, NOW.plusDays(1));
        String done = assigned(grid, me, NOW.minusDays(2));
        GridDatabase.act(done, "start", GridDatabase.worker(me), me).then().statusCode(200);
        GridDatabase.act(done, "complete", GridDatabase.worker(me), me).then().statusCode(200);

        given().header("Authorization", GridDatabase.worker(me)).queryParam("overdue", "true")
                .get("/api/v1/grid/tasks").then().statusCode(200)
                .body("items.id", contains(yesterday, anHourAgo));
        given().header("Authorization", GridDatabase.worker(me)).queryParam("overdue", "yes")
                .get("/api/v1/grid/tasks").then().statusCode(400).body("errors[0].field", equalTo("overdue"));
    }

    private static String assigned(String grid, String worker, OffsetDateTime dueAt) {
        String id = GridDatabase.reportTask(grid, worker, dueAt == null ? Map.of() : Map.of("dueAt", dueAt.toString()));
        GridDatabase.act(id, "assign", GridDatabase.admin(GridDatabase.COMMUNITY), worker).then().statusCode(200);
        return id;
    }
}
