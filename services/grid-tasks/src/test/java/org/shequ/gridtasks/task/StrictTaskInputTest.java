package org.shequ.gridtasks.task;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.shequ.gridtasks.GridDatabase;
import org.shequ.testing.ShequInfraResource;
import org.shequ.testing.StrictInputContract;

@QuarkusTest
@QuarkusTestResource(ShequInfraResource.class)
class StrictTaskInputTest extends StrictInputContract {

    private static String gridId;

    StrictTaskInputTest() {
        super("/api/v1/grid/tasks", "grid-worker", "category", "dueAt", "title", "description");
    }

    @Override
    protected ObjectNode validBody() {
        if (gridId == null) {
            gridId = GridDatabase.gridOfTestWorker("test-grid-worker");
        }
        ObjectNode body = object();
        body.put("category", "CLUTTER_CLEARANCE");
        body.put("title", "6号楼楼道杂物堆放");
        body.put("description", "走访发现楼道内堆放杂物。");
        body.put("source", "WORKER_VISIT");
        body.put("gridId", gridId);
        body.put("dueAt", "2024-11-30T18:00:00+08:00");
        body.putObject("location").put("compound", "胜利东街7号院").put("building", "6");
        return body;
    }

    @Override
    protected long rowsAndEvents() throws Exception {
        return GridDatabase.tasksAndEvents();
    }
}
