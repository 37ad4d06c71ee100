package org.shequ.gridtasks;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.shequ.testing.ServiceShapeContract;
import org.shequ.testing.ShequInfraResource;

@QuarkusTest
@QuarkusTestResource(ShequInfraResource.class)
class GridTasksServiceShapeTest extends ServiceShapeContract {

    GridTasksServiceShapeTest() {
        super("shequ_grid_tasks", "grid", "task");
    }
}
