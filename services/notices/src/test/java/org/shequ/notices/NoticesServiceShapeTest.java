package org.shequ.notices;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;
import org.shequ.testing.ServiceShapeContract;
import org.shequ.testing.ShequInfraResource;

@QuarkusTest
@QuarkusTestResource(ShequInfraResource.class)
class NoticesServiceShapeTest extends ServiceShapeContract {

    @Override
    protected String database() {
        return "shequ_notices";
    }

    @Override
    protected Set<String> ownTables() {
        return Set.of("notice");
    }
}
