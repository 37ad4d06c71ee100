package org.shequ.gridtasks;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.shequ.testing.TestInfra;

/** Row counts from the service's own database, and a grid of 富力城社区 to report tasks in. */
public final class GridDatabase {

    private GridDatabase() {
    }

    public static long count(String sql) throws Exception {
        return TestInfra.get().count("shequ_grid_tasks", sql);
    }

    public static long tasksAndEvents() throws Exception {
        return count("select (select count(*) from task) + (select count(*) from outbox_event)");
    }

    /** A grid of 富力城社区 under a name unique to this call. */
    public static String createGrid() {
        return given().contentType(ContentType.JSON).header("Authorization", bearer("community-admin"))
                .body(Map.of("community", "富力城社区", "name", "第三网格-" + UUID.randomUUID().toString().substring(0, 8)))
                .post("/api/v1/grid/grids").then().statusCode(201).extract().path("id");
    }

    public static String bearer(String role) {
        return "Bearer " + TestInfra.get().token(role);
    }
}
