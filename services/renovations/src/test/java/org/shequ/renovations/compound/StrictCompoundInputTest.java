package org.shequ.renovations.compound;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.shequ.renovations.RenovationsDatabase;
import org.shequ.testing.ShequInfraResource;
import org.shequ.testing.StrictInputContract;

/** A compound's figures are optional numbers: blank text is not "no figure", and 2^63 m² is no floor area. */
@QuarkusTest
@QuarkusTestResource(ShequInfraResource.class)
class StrictCompoundInputTest extends StrictInputContract {

    StrictCompoundInputTest() {
        super("/api/v1/renovations/compounds", "district-admin", null, null, "name", null);
    }

    @Override
    protected ObjectNode validBody() {
        ObjectNode body = object();
        body.put("name", "西铭路47号院-" + UUID.randomUUID().toString().substring(0, 8));
        body.put("district", "迎泽区");
        body.put("builtYear", 1998);
        body.put("households", 312);
        body.put("floorAreaM2", new java.math.BigDecimal("12000.50"));
        return body;
    }

    @Override
    protected long rowsAndEvents() throws Exception {
        return RenovationsDatabase.count("select (select count(*) from compound) + (select count(*) from outbox_event)");
    }

    @Override
    protected String numberField() {
        return "floorAreaM2";
    }
}
