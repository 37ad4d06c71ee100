package org.shequ.renovations;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import org.shequ.testing.TestInfra;

/** Row counts from the service's own database, and a registered compound to hang projects on. */
public final class RenovationsDatabase {

    private RenovationsDatabase() {
    }

    public static long count(String sql) throws Exception {
        return TestInfra.get().count("shequ_renovations", sql);
    }

    /** 西铭路47号院 (built 1998), under a name unique to this call so tests never share one. */
    public static String registerCompound() {
        return given().contentType(ContentType.JSON).header("Authorization", admin())
                .body(Map.of("name", "西铭路47号院-" + UUID.randomUUID().toString().substring(0, 8),
                        "district", "迎泽区", "address", "迎泽区西铭路47号", "builtYear", 1998, "households", 312))
                .post("/api/v1/renovations/compounds").then().statusCode(201).extract().path("id");
    }

    /** A compound of the district and sub-district given, with its households and floor area. */
    public static String registerCompound(String district, String subDistrict, int households, String floorArea) {
        return given().contentType(ContentType.JSON).header("Authorization", admin())
                .body(Map.of("name", "小区-" + UUID.randomUUID().toString().substring(0, 8), "district", district,
                        "subDistrict", subDistrict, "community", "康乐苑社区", "households", households,
                        "floorAreaM2", new java.math.BigDecimal(floorArea)))
                .post("/api/v1/renovations/compounds").then().statusCode(201).extract().path("id");
    }

    /** A planned project of the compound, 2024-09-01 to 2024-11-30, budget 300,000 CNY. */
    public static String planProject(String compoundId, String category) {
        return given().contentType(ContentType.JSON).header("Authorization", admin())
                .body(Map.of("compoundId", compoundId, "title", "小广场防滑塑胶地面改造", "category", category,
                        "scope", java.util.List.of(Map.of("item", "广场地面", "quantity", 500, "unit", "m2")),
                        "plannedStart", "2024-09-01", "plannedEnd", "2024-11-30", "contractor", "山西某建设工程有限公司",
                        "budgetCny", 300000))
                .post("/api/v1/renovations/projects").then().statusCode(201).extract().path("id");
    }

    /** Takes an action on a project with the body it needs; completion on 2024-11-20 at 268,000 CNY. */
    public static Response act(String projectId, String action) {
        Object body = switch (action) {
            case "start" -> Map.of("actualStart", "2024-09-02");
            case "complete" -> Map.of("actualEnd", "2024-11-20", "actualCostCny", 268000);
            case "cancel" -> Map.of("reason", "资金未落实");
            default -> Map.of();
        };
        return given().contentType(ContentType.JSON).header("Authorization", admin()).body(body)
                .post("/api/v1/renovations/projects/" + projectId + "/" + action);
    }

    /** Every row a write of this service could leave, and every version. */
    public static long everything() throws Exception {
        return count("select (select count(*) from compound) + (select count(*) from project)"
                + " + (select coalesce(sum(version), 0) from project) + (select count(*) from project_transition)"
                + " + (select count(*) from milestone) + (select count(*) from resident_request)"
                + " + (select coalesce(sum(version), 0) from resident_request) + (select count(*) from disruption)"
                + " + (select coalesce(sum(version), 0) from disruption) + (select count(*) from outbox_event)");
    }

    public static String admin() {
        return "Bearer " + TestInfra.get().token("district-admin");
    }
}
