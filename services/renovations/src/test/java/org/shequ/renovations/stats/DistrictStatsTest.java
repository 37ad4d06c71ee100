package org.shequ.renovations.stats;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.shequ.renovations.RenovationsDatabase;
import org.shequ.testing.ShequInfraResource;

/** District figures come from the projects completed in the year, each compound once. */
@QuarkusTest
@QuarkusTestResource(ShequInfraResource.class)
class DistrictStatsTest {

    @Test
    void aCompoundCompletedTwiceInOneYearCountsOnce() {
        String district = "测试区-" + UUID.randomUUID().toString().substring(0, 6);
        String twice = RenovationsDatabase.registerCompound(district, "桥东街道", 312, "12000.50");
        String once = RenovationsDatabase.registerCompound(district, "柳巷街道", 100, "4000");
        String otherYear = RenovationsDatabase.registerCompound(district, "柳巷街道", 999, "99999");
        String cancelled = RenovationsDatabase.registerCompound(district, "柳巷街道", 888, "88888");
        complete(RenovationsDatabase.planProject(twice, "BASIC"), "2024-11-20");
        complete(RenovationsDatabase.planProject(twice, "IMPROVEMENT"), "2024-11-20");
        complete(RenovationsDatabase.planProject(once, "BASIC"), "2024-11-20");
        complete(RenovationsDatabase.planProject(otherYear, "BASIC"), "2025-01-10");
        RenovationsDatabase.act(RenovationsDatabase.planProject(cancelled, "BASIC"), "cancel").then().statusCode(200);

        given().get("/api/v1/renovations/stats?district=" + district + "&year=2024").then().statusCode(200)
                .body("compoundsCompleted", equalTo(2))
                .body("floorAreaM2", equalTo(16000.5f))
                .body("households", equalTo(412))
                .body("projectsCompleted", equalTo(3))
                .body("byCategory.find { it.key == 'BASIC' }.compounds", equalTo(2))
                .body("byCategory.find { it.key == 'IMPROVEMENT' }.compounds", equalTo(1))
                .body("bySubDistrict.find { it.key == '桥东街道' }.households", equalTo(312))
                .body("bySubDistrict.find { it.key == '柳巷街道' }.compounds", equalTo(1));
        given().get("/api/v1/renovations/stats?district=" + district + "&year=2023").then().statusCode(200)
                .body("compoundsCompleted", equalTo(0));
        given().get("/api/v1/renovations/stats?year=2023").then().statusCode(400);
        given().get("/api/v1/renovations/stats?district=" + district + "&year=last").then().statusCode(400);
    }

    private static void complete(String project, String actualEnd) {
        RenovationsDatabase.act(project, "approve").then().statusCode(200);
        given().contentType(ContentType.JSON).header("Authorization", RenovationsDatabase.admin())
                .body(Map.of("actualStart", "2024-09-02")).post("/api/v1/renovations/projects/" + project + "/start")
                .then().statusCode(200);
        given().contentType(ContentType.JSON).header("Authorization", RenovationsDatabase.admin())
                .body(Map.of("actualEnd", actualEnd, "actualCostCny", 290000, "varianceReason", "雨季停工"))
                .post("/api/v1/renovations/projects/" + project + "/complete").then().statusCode(200);
    }
}
