package org.shequ.foodinspections;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shequ.testing.ShequInfraResource;

/**
 * Inspectors and community admins act within their community (docs/ROLES.md, "Food safety: whose objects"): another
 * community's ledger, inspections, orders and access log are out of their reach.
 */
@QuarkusTest
@QuarkusTestResource(ShequInfraResource.class)
class CommunityScopeTest {

    private static final String ELSEWHERE = "桥东社区";

    @Test
    void anInspectorOfAnotherCommunityCannotChangeOrInspectAProvider() throws Exception {
        String provider = FoodFixtures.provider();
        String etag = given().header("Authorization", FoodFixtures.bearer("district-admin"))
                .get("/api/v1/food-safety/providers/" + provider).then().extract().header("ETag");
        long before = FoodFixtures.count("select (select count(*) from inspection) + (select sum(version) from provider)");

        given().contentType(ContentType.JSON).header("Authorization", FoodFixtures.bearerIn("inspector", ELSEWHERE))
                .header("If-Match", etag)
                .body(Map.of("name", "改名", "address", "迎泽区双塔寺街1号", "operatorName", "王芳", "phone", "13812341234",
                        "capacity", 30, "community", FoodFixtures.COMMUNITY, "status", "ACTIVE"))
                .put("/api/v1/food-safety/providers/" + provider)
                .then().statusCode(403).body("type", equalTo("urn:shequ:problem:out-of-scope"));
        given().contentType(ContentType.JSON).header("Authorization", FoodFixtures.bearerIn("inspector", ELSEWHERE))
                .body(Map.of("type", "ROUTINE", "inspectedAt", "2024-11-25T10:00:00+08:00",
                        "inspectors", List.of("test-inspector"), "checklist", FoodFixtures.checklist()))
                .post("/api/v1/food-safety/providers/" + provider + "/inspections")
                .then().statusCode(403).body("type", equalTo("urn:shequ:problem:out-of-scope"));

        assertEquals(before,
                FoodFixtures.count("select (select count(*) from inspection) + (select sum(version) from provider)"));
    }

    @Test
    void anotherCommunitysOrdersAndAccessLogAreNotListed() {
        String provider = FoodFixtures.provider();
        FoodFixtures.inspect(provider, null, "SAMPLE_RETENTION");
        given().header("Authorization", FoodFixtures.bearer("inspector")).get("/api/v1/food-safety/providers/" + provider)
                .then().statusCode(200); // an unmasked read, logged

        given().header("Authorization", FoodFixtures.bearerIn("inspector", ELSEWHERE))
                .queryParam("providerId", provider).get("/api/v1/food-safety/rectifications")
                .then().statusCode(200).body("items", hasSize(0));
        given().header("Authorization", FoodFixtures.bearer("inspector"))
                .queryParam("providerId", provider).get("/api/v1/food-safety/rectifications")
                .then().statusCode(200).body("items", hasSize(1));

        given().header("Authorization", FoodFixtures.bearerIn("community-admin", ELSEWHERE))
                .queryParam("providerId", provider).get("/api/v1/food-safety/access-log")
                .then().statusCode(200).body("items", hasSize(0));
        given().header("Authorization", FoodFixtures.bearer("community-admin"))
                .queryParam("providerId", provider).get("/api/v1/food-safety/access-log")
                .then().statusCode(200).body("items.size()", greaterThan(0));
    }
}
