package org.shequ.foodinspections.publicview;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.shequ.foodinspections.FoodFixtures;
import org.shequ.testing.ShequInfraResource;

/**
 * A parent looking a 小饭桌 up: its business phone (the operator's own masked), its history with a FAIL put right by a
 * follow-up, and, once it is suspended, still listed with its status and since when.
 */
@QuarkusTest
@QuarkusTestResource(ShequInfraResource.class)
class ParentsViewTest {

    @Test
    void theHistoryShowsAFailPutRightByItsFollowUpAndASuspendedProviderStaysListed() {
        String community = "双塔寺一社区-" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> body = new HashMap<>(Map.of("name", "童心小饭桌", "address", "迎泽区双塔寺街18号",
                "operatorName", "王芳", "phone", "13812341234", "businessPhone", "0351-7654321",
                "licenseNo", "JY" + UUID.randomUUID().toString().substring(0, 12), "capacity", 30,
                "community", community));
        String provider = given().contentType(ContentType.JSON).header("Authorization",
                        FoodFixtures.bearer("district-admin")).body(body)
                .post("/api/v1/food-safety/providers").then().statusCode(201).extract().path("id");
        String failed = FoodFixtures.inspect(provider, null, "SAMPLE_RETENTION", "LICENSES");
        String followUp = FoodFixtures.inspect(provider, failed);

        String listed = "items.find { it.id == '" + provider + "' }";
        given().queryParam("community", community).get("/api/v1/food-safety/public/providers")
                .then().statusCode(200)
                .body(listed + ".businessPhone", equalTo("0351-7654321"))
                .body(listed + ".phone", equalTo("138****1234"))
                .body(listed + ".operatorName", equalTo("王*"))
                .body(listed + ".status", equalTo("ACTIVE"))
                .body(listed + ".latestOutcome", equalTo("PASS"))
                .body(listed + ".openRectifications", equalTo(0));
        given().get("/api/v1/food-safety/public/providers/" + provider + "/inspections").then().statusCode(200)
                .body("items.id", contains(followUp, failed))
                .body("items[0].type", equalTo("FOLLOW_UP")).body("items[0].followUpOf", equalTo(failed))
                .body("items[0].outcome", equalTo("PASS")).body("items[0].putRight", equalTo(false))
                .body("items[1].outcome", equalTo("FAIL"))
                .body("items[1].failedItems", contains("LICENSES", "SAMPLE_RETENTION"))
                .body("items[1].ordersOpened", equalTo(2)).body("items[1].ordersClosed", equalTo(2))
                .body("items[1].putRight", equalTo(true)).body("items[1].putRightOn", equalTo("2024-12-01"))
                .body("items[1].date", equalTo("2024-11-25"));

        Map<String, Object> suspended = new HashMap<>(body);
        suspended.put("status", "SUSPENDED");
        given().contentType(ContentType.JSON).header("Authorization", FoodFixtures.bearer("district-admin"))
                .header("If-Match", given().header("Authorization", FoodFixtures.bearer("district-admin"))
                        .get("/api/v1/food-safety/providers/" + provider).then().extract().header("ETag"))
                .body(suspended).put("/api/v1/food-safety/providers/" + provider).then().statusCode(200)
                .body("statusSince", org.hamcrest.Matchers.notNullValue());
        given().queryParam("community", community).get("/api/v1/food-safety/public/providers")
                .then().statusCode(200)
                .body(listed + ".status", equalTo("SUSPENDED"))
                .body(listed + ".statusSince", org.hamcrest.Matchers.notNullValue());
        given().get("/api/v1/food-safety/public/providers/" + UUID.randomUUID() + "/inspections")
                .then().statusCode(404);
        given().queryParam("limit", 1).get("/api/v1/food-safety/public/providers/" + provider + "/inspections")
                .then().statusCode(200).body("items.id", contains(followUp))
                .body("nextCursor", org.hamcrest.Matchers.not(nullValue()));
    }
}
