package org.shequ.notices;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.shequ.testing.ServiceShapeContract;
import org.shequ.testing.ShequInfraResource;

@QuarkusTest
@QuarkusTestResource(ShequInfraResource.class)
class NoticesServiceShapeTest extends ServiceShapeContract {

    NoticesServiceShapeTest() {
        super("shequ_notices", "notice");
    }
}
