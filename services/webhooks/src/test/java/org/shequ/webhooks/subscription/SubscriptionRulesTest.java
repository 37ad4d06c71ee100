package org.shequ.webhooks.subscription;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shequ.testing.ShequInfraResource;
import org.shequ.webhooks.Subscriber;

/** Endpoints that would reach inside the network are refused, and subscribers keep to their own subscriptions. */
@QuarkusTest
@QuarkusTestResource(ShequInfraResource.class)
class SubscriptionRulesTest {

    @Test
    void privateLoopbackAndMetadataEndpointsAreRefused() {
        for (String url : List.of("https://10.0.0.8/hook", "https://192.168.1.20/hook", "https://172.16.5.4/hook",
                "https://169.254.169.254/latest/meta-data", "https://[::1]/hook", "https://[fd00:ec2::254]/hook",
                "https://localhost/hook", "https://127.0.0.2/hook", "https://0.0.0.0/hook", "http://93.184.216.34/hook",
                "ftp://hooks.example.com/x", "https://user:pw@127.0.0.1/hook")) {
            given().contentType(ContentType.JSON).header("Authorization", Subscriber.bearer("ssrf-probe"))
                    .body(Map.of("url", url, "types", List.of("shequ.notices.notice.*")))
                    .post("/api/v1/webhooks/subscriptions")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("url"));
        }
    }

    @Test
    void aSubscriberCannotReadOrChangeAnothersSubscription() {
        String id = Subscriber.subscribe("owner-a", "http://127.0.0.1:9/hook", List.of("shequ.notices.notice.*"), null)
                .getString("id");
        String other = Subscriber.bearer("owner-b");
        given().header("Authorization", other).get("/api/v1/webhooks/subscriptions/" + id).then().statusCode(404);
        given().contentType(ContentType.JSON).header("Authorization", other).header("If-Match", "\"0\"")
                .body(Map.of("url", "http://127.0.0.1:9/mine", "types", List.of("shequ.notices.notice.*")))
                .put("/api/v1/webhooks/subscriptions/" + id).then().statusCode(404);
        given().header("Authorization", other).delete("/api/v1/webhooks/subscriptions/" + id).then().statusCode(404);
        given().header("Authorization", other).get("/api/v1/webhooks/subscriptions/" + id + "/deliveries")
                .then().statusCode(404);
        given().header("Authorization", other).queryParam("since", "2024-11-26T00:00:00+08:00")
                .post("/api/v1/webhooks/subscriptions/" + id + "/replay").then().statusCode(404);
        given().header("Authorization", other).post("/api/v1/webhooks/subscriptions/" + id + "/rotate-secret")
                .then().statusCode(404);
        given().header("Authorization", other).get("/api/v1/webhooks/subscriptions").then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        given().header("Authorization", Subscriber.bearer("owner-a")).get("/api/v1/webhooks/subscriptions/" + id)
                .then().statusCode(200).body("secret", nullValue()).body("status", equalTo("ACTIVE"));
    }

    @Test
    void theSecretIsShownOnceAndARotationShowsTheNewOne() {
        var created = Subscriber.subscribe("rotator", "http://127.0.0.1:9/hook", List.of("shequ.grid-tasks.*"), null);
        String id = created.getString("id");
        given().header("Authorization", Subscriber.bearer("rotator")).post("/api/v1/webhooks/subscriptions/" + id
                + "/rotate-secret").then().statusCode(200).body("secret", startsWith("whsec_"))
                .body("secret", not(equalTo(created.getString("secret"))))
                .body("previousSecretValidUntil", org.hamcrest.Matchers.notNullValue());
    }
}
