package org.shequ.webhooks;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.shequ.testing.RolesTableContract;
import org.shequ.testing.ShequInfraResource;

@QuarkusTest
@QuarkusTestResource(ShequInfraResource.class)
class RolesTableTest extends RolesTableContract {

    RolesTableTest() {
        super("webhooks");
    }
}
