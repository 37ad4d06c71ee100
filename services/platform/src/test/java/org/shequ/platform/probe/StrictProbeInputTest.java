package org.shequ.platform.probe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.shequ.testing.StrictInputContract;

/** The platform's binding rules, through a resource shaped like every service's. */
@QuarkusTest
@QuarkusTestResource(JwksInfraResource.class)
class StrictProbeInputTest extends StrictInputContract {

    StrictProbeInputTest() {
        super("/api/v1/probes", "community-admin", "kind", "dueAt", "label", "note");
    }

    @Override
    protected ObjectNode validBody() {
        ObjectNode body = object();
        body.put("code", "P-" + UUID.randomUUID().toString().substring(0, 8));
        body.put("kind", "WATER");
        body.put("label", "新建路给水管线");
        body.put("note", "提前做好储水准备");
        body.put("dueAt", "2024-11-26T20:00:00+08:00");
        return body;
    }

    @Override
    protected long rowsAndEvents() throws Exception {
        return ProbeDatabase.probesAndEvents();
    }

    @Override
    protected String numberField() {
        return "parentId";
    }
}
