package org.shequ.gridtasks;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import org.shequ.testing.TestInfra;

/**
 * Row counts from the service's own database, and the people and places of 富力城社区 the tests act as: a grid per
 * test with its own worker, and an admin of the community.
 */
public final class GridDatabase {

    public static final String COMMUNITY = "富力城社区";

    private GridDatabase() {
    }

    public static long count(String sql) throws Exception {
        return TestInfra.get().count("shequ_grid_tasks", sql);
    }

    public static long tasksAndEvents() throws Exception {
        return count("select (select count(*) from task) + (select count(*) from outbox_event)");
    }

    /** Every row a write of this service could leave behind. */
    public static long everything() throws Exception {
        return count("select (select count(*) from task) + (select count(*) from outbox_event)"
                + " + (select count(*) from task_transition) + (select count(*) from task_assignee)"
                + " + (select count(*) from task_helper) + (select count(*) from grid) + (select count(*) from worker)"
                + " + (select count(*) from campaign) + (select coalesce(sum(version), 0) from task)");
    }

    /** A grid of 富力城社区 under a name unique to this call. */
    public static String createGrid() {
        return createGrid(COMMUNITY);
    }

    public static String createGrid(String community) {
        return given().contentType(ContentType.JSON).header("Authorization", bearer("district-admin"))
                .body(Map.of("community", community, "name", "第三网格-" + UUID.randomUUID().toString().substring(0, 8)))
                .post("/api/v1/grid/grids").then().statusCode(201).extract().path("id");
    }

    /** Registers a worker in the grid and answers their id (their token's subject). */
    public static String registerWorker(String gridId) {
        String id = "wg-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON).header("Authorization", bearer("district-admin"))
                .body(Map.of("id", id, "gridId", gridId, "name", "李敏"))
                .post("/api/v1/grid/workers").then().statusCode(201);
        return id;
    }

    /** The grid of the worker a plain {@code TestInfra.token("grid-worker")} stands for, registered on first use. */
    public static synchronized String gridOfTestWorker(String workerId) {
        try {
            if (count("select count(*) from worker where id = '" + workerId + "'") == 0) {
                String gridId = createGrid();
                given().contentType(ContentType.JSON).header("Authorization", bearer("district-admin"))
                        .body(Map.of("id", workerId, "gridId", gridId, "name", "测试网格员"))
                        .post("/api/v1/grid/workers").then().statusCode(201);
                return gridId;
            }
            try (var db = org.shequ.testing.TestInfra.get().connect("shequ_grid_tasks");
                 var query = db.prepareStatement("select grid_id from worker where id = ?")) {
                query.setString(1, workerId);
                try (var rows = query.executeQuery()) {
                    rows.next();
                    return rows.getString(1);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String bearer(String role) {
        return "Bearer " + TestInfra.get().token(role);
    }

    public static String worker(String workerId) {
        return "Bearer " + TestInfra.get().token("grid-worker", workerId);
    }

    public static String admin(String community) {
        return "Bearer " + TestInfra.get().token("community-admin", "admin-" + community, community);
    }

    /** The clutter of building 6, reported by the grid's worker. */
    public static String reportTask(String gridId, String workerId, Map<String, Object> extra) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("category", "CLUTTER_CLEARANCE",
                "title", "6号楼楼道杂物堆放", "source", "WORKER_VISIT", "gridId", gridId,
                "location", Map.of("community", COMMUNITY, "compound", "胜利东街7号院", "building", "6")));
        body.putAll(extra);
        return given().contentType(ContentType.JSON).header("Authorization", worker(workerId)).body(body)
                .post("/api/v1/grid/tasks").then().statusCode(201).extract().path("id");
    }

    /** Takes an action on a task as the given caller, with the body that action needs. */
    public static Response act(String taskId, String action, String authorization, String workerId) {
        Object body = switch (action) {
            case "assign" -> Map.of("workerIds", java.util.List.of(workerId), "helpers",
                    java.util.List.of("物业 张师傅", "志愿者 刘阿姨"));
            case "schedule" -> Map.of("at", "2024-11-30T09:00:00+08:00", "note", "周六上午");
            case "complete" -> Map.of("outcome", Map.of("spotsCleared", 80, "summary", "清理杂物及卫生死角80余处"));
            case "reopen" -> Map.of("reason", "复查发现3单元仍有杂物");
            case "cancel" -> Map.of("reason", "重复上报");
            default -> Map.of();
        };
        return given().contentType(ContentType.JSON).header("Authorization", authorization).body(body)
                .post("/api/v1/grid/tasks/" + taskId + "/" + action);
    }
}
