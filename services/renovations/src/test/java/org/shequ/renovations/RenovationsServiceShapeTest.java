package org.shequ.renovations;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.shequ.testing.ServiceShapeContract;
import org.shequ.testing.ShequInfraResource;

@QuarkusTest
@QuarkusTestResource(ShequInfraResource.class)
class RenovationsServiceShapeTest extends ServiceShapeContract {

    RenovationsServiceShapeTest() {
        super("shequ_renovations", "compound", "project", "project_scope_item");
    }
}
