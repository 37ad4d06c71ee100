package org.shequ.gridtasks;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;
import org.shequ.testing.ServiceShapeContract;
import org.shequ.testing.ShequInfraResource;

@QuarkusTest
@QuarkusTestResource(ShequInfraResource.class)
class GridTasksServiceShapeTest extends ServiceShapeContract {

    @Override
    protected String database() {
        return "shequ_grid_tasks";
    }

    @Override
    protected Set<String> ownTables() {
        return Set.of("grid");
    }
}
