package org.shequ.foodinspections.provider;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.shequ.testing.ShequInfraResource;
import org.shequ.testing.StrictInputContract;

/** The ledger entry has no instant and no free-text field yet; their rows are skipped (inspections will have both). */
@QuarkusTest
@QuarkusTestResource(ShequInfraResource.class)
class StrictProviderInputTest extends StrictInputContract {

    StrictProviderInputTest() {
        super("/api/v1/food-safety/providers", "district-admin", "status", null, "name", null);
    }

    @Override
    protected ObjectNode validBody() {
        ObjectNode body = new ObjectMapper().valueToTree(ProviderFixtures.provider());
        return body.put("status", "ACTIVE");
    }

    @Override
    protected long rowsAndEvents() throws Exception {
        return ProviderFixtures.providersAndEvents();
    }

    @Override
    protected String numberField() {
        return "capacity";
    }
}
