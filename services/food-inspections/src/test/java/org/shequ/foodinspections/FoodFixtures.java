package org.shequ.foodinspections;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.shequ.testing.TestInfra;

/** 小饭桌 of 双塔寺一社区 and their inspections, entered through the API as inspectors do. */
public final class FoodFixtures {

    public static final String COMMUNITY = "双塔寺一社区";
    public static final List<String> ITEMS = List.of("KITCHEN_HYGIENE", "FOOD_SOURCE", "SAMPLE_RETENTION",
            "HEALTH_CERTIFICATES", "FIRE_EQUIPMENT", "EVACUATION_ROUTE", "LICENSES", "TABLEWARE_DISINFECTION");

    private FoodFixtures() {
    }

    public static long count(String sql) throws Exception {
        return TestInfra.get().count("shequ_food_inspections", sql);
    }

    /** A token of the role; an inspector's or a community admin's names {@link #COMMUNITY}, as the identity provider's would. */
    public static String bearer(String role) {
        return role.equals("inspector") || role.equals("community-admin") ? bearerIn(role, COMMUNITY)
                : "Bearer " + TestInfra.get().token(role);
    }

    /** A token of the role for someone acting within this community. */
    public static String bearerIn(String role, String community) {
        return "Bearer " + TestInfra.get().token(role, "test-" + role, community);
    }

    /** A provider of the community with this operator and phone; answers its id. */
    public static String provider(String community, String name, String operator, String phone) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("address", "迎泽区双塔寺街" + (10 + Math.abs(name.hashCode() % 80)) + "号");
        body.put("operatorName", operator);
        body.put("phone", phone);
        body.put("licenseNo", "JY" + UUID.randomUUID().toString().substring(0, 12));
        body.put("capacity", 30);
        body.put("community", community);
        return given().contentType(ContentType.JSON).header("Authorization", bearerIn("inspector", community))
                .body(body).post("/api/v1/food-safety/providers").then().statusCode(201).extract().path("id");
    }

    public static String provider() {
        return provider(COMMUNITY, "小饭桌-" + UUID.randomUUID().toString().substring(0, 6), "王芳", "13812341234");
    }

    /** All eight items, passing except those named. */
    public static List<Map<String, Object>> checklist(String... failed) {
        List<Map<String, Object>> checklist = new ArrayList<>();
        for (String item : ITEMS) {
            boolean fails = List.of(failed).contains(item);
            Map<String, Object> entry = new HashMap<>(Map.of("item", item, "result", fails ? "FAIL" : "PASS"));
            if (fails) {
                entry.put("note", "现场检查未达标");
            }
            checklist.add(entry);
        }
        return checklist;
    }

    /** Records an inspection as a district admin, who may do so in whatever community the provider is. */
    public static Response inspectWith(String providerId, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).header("Authorization", bearer("district-admin")).body(body)
                .post("/api/v1/food-safety/providers/" + providerId + "/inspections");
    }

    /** A ROUTINE (or FOLLOW_UP, when followUpOf is given) inspection on 25 November 2024; answers its id. */
    public static String inspect(String providerId, String followUpOf, String... failed) {
        Map<String, Object> body = new HashMap<>(Map.of("type", followUpOf == null ? "ROUTINE" : "FOLLOW_UP",
                "inspectedAt", followUpOf == null ? "2024-11-25T10:00:00+08:00" : "2024-12-01T10:00:00+08:00",
                "inspectors", List.of("insp-zhao", "insp-qian"), "checklist", checklist(failed)));
        if (followUpOf != null) {
            body.put("followUpOf", followUpOf);
        }
        return inspectWith(providerId, body).then().statusCode(201).extract().path("id");
    }
}
