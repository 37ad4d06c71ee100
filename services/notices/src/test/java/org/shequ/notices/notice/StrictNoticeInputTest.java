package org.shequ.notices.notice;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.shequ.testing.ShequInfraResource;
import org.shequ.testing.StrictInputContract;

@QuarkusTest
@QuarkusTestResource(ShequInfraResource.class)
class StrictNoticeInputTest extends StrictInputContract {

    StrictNoticeInputTest() {
        super("/api/v1/notices", "district-admin", "kind", "startsAt", "title", "reason");
    }

    @Override
    protected ObjectNode validBody() {
        ObjectNode body = object();
        body.put("kind", "WATER_OUTAGE");
        body.put("title", "停水通知");
        body.put("issuer", "太原供水集团有限公司");
        body.put("reason", "配合太原市新建路给水管线工程，需对供水管线进行改造。");
        body.put("startsAt", "2024-11-26T20:00:00+08:00");
        body.put("endsAt", "2024-11-27T08:00:00+08:00");
        body.putArray("areas").addObject().put("road", "新建路").put("side", "路东").put("from", "北沙河南岸")
                .put("to", "鑫磊大厦");
        return body;
    }

    @Override
    protected long rowsAndEvents() throws Exception {
        return NoticeFixtures.notices() + NoticeFixtures.outboxEvents();
    }
}
