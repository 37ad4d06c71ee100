package org.shequ.foodinspections.spotcheck;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.shequ.foodinspections.FoodFixtures;
import org.shequ.testing.ShequInfraResource;

/** A draw through the API: recorded, published, verifiable, and its picks become inspections to record. */
@QuarkusTest
@QuarkusTestResource(ShequInfraResource.class)
class SpotCheckTest {

    @Test
    void aDrawVerifiesUntilTheRosterChangesAndItsPicksAreRecordedAsSpotChecks() {
        String community = "双塔寺一社区-" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 5; i++) {
            FoodFixtures.provider(community, "小饭桌" + i, "王芳", "13812341234");
        }
        for (String inspector : List.of("zhao", "qian", "sun", "li")) {
            given().contentType(ContentType.JSON).header("Authorization", FoodFixtures.bearer("community-admin"))
                    .body(Map.of("id", "insp-" + inspector + "-" + community, "community", community, "name", "检查员"))
                    .post("/api/v1/food-safety/inspectors").then().statusCode(201);
        }
        JsonPath drawn = draw(community, 20241125L).then().statusCode(201)
                .body("algorithmVersion", equalTo("sha256-fisher-yates-v1"))
                .body("picks", hasSize(2))
                .body("picks[0].inspectorIds", hasSize(2))
                .body("picks[0].inspectionStatus", equalTo("SCHEDULED"))
                .extract().jsonPath();
        String id = drawn.getString("id");
        given().get("/api/v1/food-safety/spot-checks/" + id + "/verify").then().statusCode(200)
                .body("matches", equalTo(true)).body("rosterCurrent", equalTo(true));

        // The picked provider is inspected as drawn: the scheduled inspection becomes a completed SPOT_CHECK.
        String provider = drawn.getString("picks[0].providerId");
        String scheduled = drawn.getString("picks[0].inspectionId");
        FoodFixtures.inspectWith(provider, Map.of("type", "SPOT_CHECK", "inspectedAt", "2024-11-26T15:00:00+08:00",
                        "inspectors", drawn.getList("picks[0].inspectorIds"), "checklist", FoodFixtures.checklist(),
                        "scheduledInspectionId", scheduled))
                .then().statusCode(201).body("id", equalTo(scheduled)).body("status", equalTo("COMPLETED"))
                .body("spotCheckId", equalTo(id));

        // The roster has changed since (that provider now has a last inspection): detected, and the draw still matches.
        given().get("/api/v1/food-safety/spot-checks/" + id + "/verify").then().statusCode(200)
                .body("matches", equalTo(true)).body("rosterCurrent", equalTo(false))
                .body("currentRosterHash", not(equalTo(drawn.getString("rosterHash"))));
        // Its inspectors are not sent back to it by the next draw.
        List<String> last = drawn.getList("picks[0].inspectorIds");
        for (long seed = 1; seed <= 20; seed++) {
            JsonPath next = draw(community, seed).then().statusCode(201).extract().jsonPath();
            for (int p = 0; p < 2; p++) {
                if (next.getString("picks[" + p + "].providerId").equals(provider)) {
                    List<String> sent = next.getList("picks[" + p + "].inspectorIds");
                    org.junit.jupiter.api.Assertions.assertTrue(sent.stream().noneMatch(last::contains), sent + " " + last);
                }
            }
        }
    }

    @Test
    void aDrawTheRosterCannotGiveIsA422NamingTheField() {
        String community = "空社区-" + UUID.randomUUID().toString().substring(0, 6);
        FoodFixtures.provider(community, "孤单小饭桌", "王芳", "13812341234");
        draw(community, 1L).then().statusCode(422).body("errors.field", hasItem("count"));
    }

    private static io.restassured.response.Response draw(String community, long seed) {
        return given().contentType(ContentType.JSON).header("Authorization", FoodFixtures.bearer("district-admin"))
                .body(Map.of("count", 2, "inspectorsPerCheck", 2, "community", community, "seed", seed))
                .post("/api/v1/food-safety/spot-checks");
    }
}
