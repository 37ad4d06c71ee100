package org.shequ.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.shequ.testing.ShequInfraResource;

/** A client outside the trusted range that forges X-Forwarded-For or Forwarded gets no bucket of its own by it. */
@QuarkusTest
@QuarkusTestResource(value = BehindOtherProxy.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = ShequInfraResource.class, restrictToAnnotatedClass = true)
class UntrustedForwardingTest extends ThroughTheEdge {

    @Test
    void aForgedForwardedForFromOutsideTheTrustedRangeDoesNotBuyANewBucket() {
        for (int i = 0; i < TightLimits.QUOTA; i++) {
            given().header("X-Forwarded-For", "203.0.113." + i).header("Forwarded", "for=198.51.100." + i)
                    .get("/api/v1/notices").then().statusCode(200).body("forwardedFor", equalTo("127.0.0.1"));
        }
        given().header("X-Forwarded-For", "203.0.113.200").get("/api/v1/notices").then().statusCode(429);
        given().get("/api/v1/notices").then().statusCode(429);
    }
}
