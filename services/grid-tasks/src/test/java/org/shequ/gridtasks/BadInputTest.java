package org.shequ.gridtasks;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.shequ.testing.RefusedWrites;
import org.shequ.testing.RefusedWrites.Case;
import org.shequ.testing.ShequInfraResource;

/**
 * Bad input on every write endpoint of grid-tasks: a 4xx problem+json naming the field, and not a row, version or
 * event changed. (The create-task endpoint has the shared strict-input contract besides, StrictTaskInputTest.)
 */
@QuarkusTest
@QuarkusTestResource(ShequInfraResource.class)
class BadInputTest {

    @TestFactory
    Stream<DynamicTest> everyWriteRefusesBadInputAndChangesNothing() {
        String gridId = GridDatabase.createGrid();
        String workerId = GridDatabase.registerWorker(gridId);
        String task = GridDatabase.reportTask(gridId, workerId, Map.of());
        String grids = "/api/v1/grid/grids";
        String workers = "/api/v1/grid/workers";
        String tasks = "/api/v1/grid/tasks";
        String campaigns = "/api/v1/grid/campaigns";
        String act = tasks + "/" + task + "/";
        String longName = "网".repeat(101);
        List<Case> cases = List.of(
                Case.post("grid without community", grids, "{\"name\":\"第一网格\"}", 400, "community"),
                Case.post("grid with a blank name", grids, "{\"community\":\"富力城社区\",\"name\":\" \"}", 400, "name"),
                Case.post("grid name of 101 characters", grids, "{\"community\":\"富力城社区\",\"name\":\"" + longName + "\"}", 400, "name"),
                Case.post("grid community as a number", grids, "{\"community\":42,\"name\":\"第一网格\"}", 400, "community"),
                Case.post("grid with an unknown field", grids, "{\"community\":\"富力城社区\",\"name\":\"x\",\"leader\":\"王\"}", 400, "leader"),
                Case.post("worker without id", workers, "{\"gridId\":\"" + gridId + "\",\"name\":\"李敏\"}", 400, "id"),
                Case.post("worker in an unknown grid", workers, "{\"id\":\"wg-x\",\"gridId\":\"no-such-grid\",\"name\":\"李敏\"}", 422, "gridId"),
                Case.post("worker name with a bell character", workers, "{\"id\":\"wg-y\",\"gridId\":\"" + gridId + "\",\"name\":\"李\\u0007敏\"}", 400, "name"),
                Case.post("worker name as an array", workers, "{\"id\":\"wg-z\",\"gridId\":\"" + gridId + "\",\"name\":[\"李敏\"]}", 400, "name"),
                Case.post("worker registered twice", workers, "{\"id\":\"" + workerId + "\",\"gridId\":\"" + gridId + "\",\"name\":\"李敏\"}", 409, "id"),
                Case.post("task category in lower case", tasks, taskBody(gridId, "\"category\":\"clutter_clearance\""), 400, "category"),
                Case.post("task priority unknown", tasks, taskBody(gridId, "\"priority\":\"SUPER\""), 400, "priority"),
                Case.post("task building as a number", tasks, taskBody(gridId, "\"location\":{\"building\":6}"), 400, "location.building"),
                Case.post("task in an unknown campaign", tasks, taskBody(gridId, "\"campaignId\":\"no-such-campaign\""), 422, "campaignId"),
                Case.post("task due without an offset", tasks, taskBody(gridId, "\"dueAt\":\"2024-11-30T18:00:00\""), 400, "dueAt"),
                Case.post("campaign target of 0", campaigns, campaignBody("0"), 400, "targetCount"),
                Case.post("campaign target as text", campaigns, campaignBody("\"54\""), 400, "targetCount"),
                Case.post("campaign target of 1.5", campaigns, campaignBody("1.5"), 400, "targetCount"),
                Case.post("campaign target over 100,000", campaigns, campaignBody("100001"), 400, "targetCount"),
                Case.post("campaign without unit", campaigns, "{\"title\":\"楼道清理\",\"targetCount\":54,\"community\":\"富力城社区\"}", 400, "unit"),
                Case.post("assign nobody", act + "assign", "{\"workerIds\":[]}", 400, "workerIds"),
                Case.post("assign without workerIds", act + "assign", "{\"helpers\":[\"物业 张师傅\"]}", 400, "workerIds"),
                Case.post("assign workerIds as text", act + "assign", "{\"workerIds\":\"" + workerId + "\"}", 400, "workerIds"),
                Case.post("assign a stranger", act + "assign", "{\"workerIds\":[\"wg-nobody\"]}", 422, "workerIds"),
                Case.post("assign a blank helper", act + "assign", "{\"workerIds\":[\"" + workerId + "\"],\"helpers\":[\" \"]}", 400, "helpers"),
                Case.post("assign with an unknown field", act + "assign", "{\"workers\":[\"" + workerId + "\"]}", 400, "workers"),
                Case.post("assign with malformed JSON", act + "assign", "{\"workerIds\":[", 400, null),
                Case.post("schedule without at", act + "schedule", "{\"note\":\"周六\"}", 400, "at"),
                Case.post("schedule at words", act + "schedule", "{\"at\":\"next saturday\"}", 400, "at"),
                Case.post("schedule at epoch seconds", act + "schedule", "{\"at\":1732928400}", 400, "at"),
                Case.post("complete without outcome", act + "complete", "{}", 400, "outcome"),
                Case.post("complete with negative spots", act + "complete", "{\"outcome\":{\"spotsCleared\":-1}}", 400, "outcome.spotsCleared"),
                Case.post("complete with spots as text", act + "complete", "{\"outcome\":{\"spotsCleared\":\"80\"}}", 400, "outcome.spotsCleared"),
                Case.post("complete summary with a NUL", act + "complete", "{\"outcome\":{\"summary\":\"清理\\u0000完毕\"}}", 400, "outcome.summary"),
                Case.post("reopen without reason", act + "reopen", "{}", 400, "reason"),
                Case.post("cancel with a blank reason", act + "cancel", "{\"reason\":\"\"}", 400, "reason"),
                Case.post("cancel reason as a number", act + "cancel", "{\"reason\":12}", 400, "reason"),
                Case.post("start note as an object", act + "start", "{\"note\":{}}", 400, "note"),
                Case.post("cancel with a foreign If-Match", act + "cancel", "{\"reason\":\"重复\"}", 400, "If-Match").withIfMatch("abc"),
                Case.post("cancel with a stale If-Match", act + "cancel", "{\"reason\":\"重复\"}", 412, null).withIfMatch("\"999\""));
        return RefusedWrites.each(cases, GridDatabase.admin(GridDatabase.COMMUNITY), GridDatabase::everything);
    }

    /** A valid task body with one field changed or added. */
    private static String taskBody(String gridId, String field) {
        String base = field.startsWith("\"category\"") ? "" : "\"category\":\"CLUTTER_CLEARANCE\",";
        return "{" + base + "\"title\":\"杂物\",\"source\":\"WORKER_VISIT\",\"gridId\":\"" + gridId + "\","
                + field + "}";
    }

    private static String campaignBody(String target) {
        return "{\"title\":\"楼道清理\",\"unit\":\"栋\",\"community\":\"富力城社区\",\"targetCount\":" + target + "}";
    }
}
