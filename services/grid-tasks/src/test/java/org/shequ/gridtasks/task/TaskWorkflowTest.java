package org.shequ.gridtasks.task;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.shequ.gridtasks.GridDatabase;
import org.shequ.testing.ShequInfraResource;

/**
 * The whole task workflow, table-driven: every action from every status. A legal one moves the task and writes its
 * history line and its event; an illegal one is a 409 naming the allowed actions and changes nothing.
 */
@QuarkusTest
@QuarkusTestResource(ShequInfraResource.class)
class TaskWorkflowTest {

    private static final List<String> ACTIONS = List.of("assign", "schedule", "start", "complete", "verify", "reopen",
            "cancel");

    /** How to bring a new task to each status. */
    private static final Map<String, List<String>> PATH_TO = Map.of(
            "REPORTED", List.of(),
            "ASSIGNED", List.of("assign"),
            "SCHEDULED", List.of("assign", "schedule"),
            "IN_PROGRESS", List.of("assign", "start"),
            "DONE", List.of("assign", "start", "complete"),
            "VERIFIED", List.of("assign", "start", "complete", "verify"),
            "CANCELLED", List.of("cancel"));

    /** status → action → the status it leads to; everything absent is illegal. Written out, not derived. */
    private static final Map<String, Map<String, String>> LEGAL = Map.of(
            "REPORTED", Map.of("assign", "ASSIGNED", "cancel", "CANCELLED"),
            "ASSIGNED", Map.of("assign", "ASSIGNED", "schedule", "SCHEDULED", "start", "IN_PROGRESS",
                    "cancel", "CANCELLED"),
            "SCHEDULED", Map.of("assign", "ASSIGNED", "schedule", "SCHEDULED", "start", "IN_PROGRESS",
                    "cancel", "CANCELLED"),
            "IN_PROGRESS", Map.of("complete", "DONE", "cancel", "CANCELLED"),
            "DONE", Map.of("verify", "VERIFIED", "reopen", "ASSIGNED"),
            "VERIFIED", Map.of("reopen", "ASSIGNED"),
            "CANCELLED", Map.of("reopen", "REPORTED"));

    private static final Map<String, String> EVENT_FOR = Map.of("assign", "assigned", "schedule", "scheduled",
            "start", "started", "complete", "completed", "verify", "verified", "reopen", "reopened",
            "cancel", "cancelled");

    @TestFactory
    Stream<DynamicTest> everyActionFromEveryStatus() {
        String gridId = GridDatabase.createGrid();
        String workerId = GridDatabase.registerWorker(gridId);
        String admin = GridDatabase.admin(GridDatabase.COMMUNITY);
        return PATH_TO.keySet().stream().sorted().flatMap(status -> ACTIONS.stream().map(action ->
                DynamicTest.dynamicTest(action + " from " + status, () -> {
                    String taskId = GridDatabase.reportTask(gridId, workerId, Map.of());
                    for (String step : PATH_TO.get(status)) {
                        GridDatabase.act(taskId, step, admin, workerId).then().statusCode(200);
                    }
                    String expected = LEGAL.get(status).get(action);
                    long history = GridDatabase.count("select count(*) from task_transition where task_id = '"
                            + taskId + "'");
                    long events = GridDatabase.count("select count(*) from outbox_event where aggregate_id = '"
                            + taskId + "'");
                    String etag = given().header("Authorization", admin).get("/api/v1/grid/tasks/" + taskId)
                            .then().statusCode(200).extract().header("ETag");

                    Response response = GridDatabase.act(taskId, action, admin, workerId);
                    JsonPath task = given().header("Authorization", admin).get("/api/v1/grid/tasks/" + taskId)
                            .then().statusCode(200).extract().jsonPath();
                    if (expected != null) {
                        response.then().statusCode(200);
                        assertEquals(expected, task.getString("status"));
                        assertEquals(action, task.getString("history[-1].action"));
                        assertEquals(status, task.getString("history[-1].from"));
                        assertEquals(expected, task.getString("history[-1].to"));
                        assertEquals("admin-" + GridDatabase.COMMUNITY, task.getString("history[-1].actor"));
                        assertEquals(history + 1, task.getList("history").size());
                        String type = EVENT_FOR.get(action);
                        assertEquals(1, GridDatabase.count("select count(*) from outbox_event where aggregate_id = '"
                                + taskId + "' and event_type = 'shequ.grid-tasks.task." + type + ".v1'"
                                + " and aggregate_version = " + (events + 1)));
                    } else {
                        response.then().statusCode(409).contentType("application/problem+json");
                        assertEquals(LEGAL.get(status).keySet().stream().sorted().toList(),
                                response.jsonPath().getList("allowed", String.class).stream().sorted().toList());
                        assertEquals(status, task.getString("status"));
                        assertEquals(history, task.getList("history").size());
                        assertEquals(events, GridDatabase.count("select count(*) from outbox_event where aggregate_id = '"
                                + taskId + "'"));
                        given().header("Authorization", admin).header("If-None-Match", etag)
                                .get("/api/v1/grid/tasks/" + taskId).then().statusCode(304);
                    }
                })));
    }
}
