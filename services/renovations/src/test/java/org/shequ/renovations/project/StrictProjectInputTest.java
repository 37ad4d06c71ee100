package org.shequ.renovations.project;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.shequ.renovations.RenovationsDatabase;
import org.shequ.testing.ShequInfraResource;
import org.shequ.testing.StrictInputContract;

@QuarkusTest
@QuarkusTestResource(ShequInfraResource.class)
class StrictProjectInputTest extends StrictInputContract {

    private static String compoundId;

    StrictProjectInputTest() {
        super("/api/v1/renovations/projects", "district-admin", "category", "plannedStart", "title", "description");
    }

    @Override
    protected ObjectNode validBody() {
        if (compoundId == null) {
            compoundId = RenovationsDatabase.registerCompound();
        }
        ObjectNode body = object();
        body.put("compoundId", compoundId);
        body.put("title", "广场防滑橡胶地面改造");
        body.put("category", "IMPROVEMENT");
        body.put("description", "居民反映广场地面湿滑。");
        body.put("plannedStart", "2024-04-01");
        body.putArray("scope").addObject().put("item", "广场地面").put("quantity", 500).put("unit", "m2");
        return body;
    }

    @Override
    protected long rowsAndEvents() throws Exception {
        return RenovationsDatabase.count("select (select count(*) from project) + (select count(*) from outbox_event)");
    }

    @Override
    protected String numberField() {
        return "budgetCny";
    }
}
