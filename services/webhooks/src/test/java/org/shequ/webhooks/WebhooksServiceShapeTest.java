package org.shequ.webhooks;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.shequ.testing.ServiceShapeContract;
import org.shequ.testing.ShequInfraResource;

@QuarkusTest
@QuarkusTestResource(ShequInfraResource.class)
class WebhooksServiceShapeTest extends ServiceShapeContract {

    WebhooksServiceShapeTest() {
        super("shequ_webhooks", "subscription", "delivery", "delivery_attempt");
    }
}
