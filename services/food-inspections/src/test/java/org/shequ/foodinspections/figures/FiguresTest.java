package org.shequ.foodinspections.figures;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.shequ.foodinspections.FoodFixtures;
import org.shequ.testing.ShequInfraResource;

/** A district inspector's November in one community: what was inspected, found and put right, and how fast. */
@QuarkusTest
@QuarkusTestResource(ShequInfraResource.class)
class FiguresTest {

    @Test
    void aMonthsFiguresCountInspectionsByTypeAndOutcomeAndTheDaysOrdersTookToClose() {
        String community = "双塔寺一社区-" + UUID.randomUUID().toString().substring(0, 6);
        String failing = FoodFixtures.provider(community, "童心小饭桌", "王芳", "13812341234");
        String passing = FoodFixtures.provider(community, "阳光小饭桌", "李红", "13912341234");
        String failed = FoodFixtures.inspect(failing, null, "SAMPLE_RETENTION", "LICENSES"); // 2024-11-25
        FoodFixtures.inspect(failing, failed); // 2024-12-01: both orders closed, 6 days after
        FoodFixtures.inspect(passing, null); // 2024-11-25

        given().header("Authorization", FoodFixtures.bearer("district-admin")).queryParam("community", community)
                .queryParam("from", "2024-11-01").queryParam("to", "2024-11-30")
                .get("/api/v1/food-safety/figures").then().statusCode(200)
                .body("community", equalTo(community)).body("inspections", equalTo(2))
                .body("byType.ROUTINE", equalTo(2)).body("byType.FOLLOW_UP", equalTo(0))
                .body("byOutcome.FAIL", equalTo(1)).body("byOutcome.PASS", equalTo(1))
                .body("ordersOpened", equalTo(2)).body("ordersClosed", equalTo(2))
                .body("averageDaysToClose", equalTo(6.0f)).body("maxDaysToClose", equalTo(6))
                .body("ordersOpenNow", equalTo(0)).body("ordersOverdueNow", equalTo(0));
        given().header("Authorization", FoodFixtures.bearerIn("inspector", community))
                .queryParam("from", "2024-12-01").queryParam("to", "2024-12-31")
                .get("/api/v1/food-safety/figures").then().statusCode(200)
                .body("community", equalTo(community)).body("inspections", equalTo(1))
                .body("byType.FOLLOW_UP", equalTo(1)).body("ordersOpened", equalTo(0))
                .body("averageDaysToClose", equalTo(null));
    }

    @Test
    void anotherCommunitysFiguresAreA403AndABadPeriodA400() {
        given().header("Authorization", FoodFixtures.bearerIn("community-admin", "桥东社区"))
                .queryParam("community", "双塔寺一社区").queryParam("from", "2024-11-01").queryParam("to", "2024-11-30")
                .get("/api/v1/food-safety/figures").then().statusCode(403);
        for (String[] period : new String[][] {{"2024-11-30", "2024-11-01"}, {"2024-01-01", "2025-06-01"},
                {"11/01/2024", "2024-11-30"}, {"", "2024-11-30"}}) {
            given().header("Authorization", FoodFixtures.bearer("district-admin")).queryParam("from", period[0])
                    .queryParam("to", period[1]).get("/api/v1/food-safety/figures").then().statusCode(400);
        }
        given().header("Authorization", FoodFixtures.bearer("resident")).queryParam("from", "2024-11-01")
                .queryParam("to", "2024-11-30").get("/api/v1/food-safety/figures").then().statusCode(403);
    }
}
