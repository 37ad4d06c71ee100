package org.shequ.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.shequ.testing.ShequInfraResource;

/**
 * Behind a proxy in the trusted range, anonymous clients are told apart by the address it forwards: each has its own
 * bucket, and the service is told that address.
 */
@QuarkusTest
@QuarkusTestResource(value = BehindTrustedProxy.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = ShequInfraResource.class, restrictToAnnotatedClass = true)
class TrustedProxyTest extends ThroughTheEdge {

    @Test
    void twoAnonymousClientsBehindTheProxyGetSeparateBuckets() {
        for (int i = 0; i < TightLimits.QUOTA; i++) {
            given().header("X-Forwarded-For", "203.0.113.10").get("/api/v1/notices").then().statusCode(200);
        }
        given().header("X-Forwarded-For", "203.0.113.10").get("/api/v1/notices").then().statusCode(429);

        given().header("X-Forwarded-For", "203.0.113.20").get("/api/v1/notices").then().statusCode(200)
                .body("forwardedFor", equalTo("203.0.113.20"));
    }

    @Test
    void whatAClientWroteLeftOfTheProxysEntryIsIgnored() {
        for (int i = 0; i < TightLimits.QUOTA; i++) {
            given().header("X-Forwarded-For", "198.51.100." + i + ", 203.0.113.30").get("/api/v1/notices")
                    .then().statusCode(200).body("forwardedFor", equalTo("203.0.113.30"));
        }
        given().header("X-Forwarded-For", "198.51.100.99, 203.0.113.30").get("/api/v1/notices")
                .then().statusCode(429);
    }
}
