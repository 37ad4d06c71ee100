package org.shequ.renovations;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;
import org.shequ.testing.ServiceShapeContract;
import org.shequ.testing.ShequInfraResource;

@QuarkusTest
@QuarkusTestResource(ShequInfraResource.class)
class RenovationsServiceShapeTest extends ServiceShapeContract {

    @Override
    protected String database() {
        return "shequ_renovations";
    }

    @Override
    protected Set<String> ownTables() {
        return Set.of("compound");
    }
}
