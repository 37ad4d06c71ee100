package org.shequ.foodinspections.complaint;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shequ.foodinspections.FoodFixtures;
import org.shequ.testing.ShequInfraResource;

/**
 * A parent complains on the public form: a COMPLAINT inspection is queued for the provider's community, the parent
 * follows it by the receipt, and once an inspector records it the receipt shows the outcome.
 */
@QuarkusTest
@QuarkusTestResource(ShequInfraResource.class)
class ComplaintTest {

    @Test
    void aComplaintQueuesAnInspectionThatItsReceiptFollowsToTheOutcome() throws Exception {
        String provider = FoodFixtures.provider();
        String receipt = given().contentType(ContentType.JSON)
                .body(Map.of("providerId", provider, "description", "孩子午饭后腹泻，饭菜有异味。", "contact", "13912345678"))
                .post("/api/v1/food-safety/public/complaints").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/food-safety/public/complaints/TS"))
                .body("status", equalTo("INSPECTION_SCHEDULED")).body("contact", equalTo("139****5678"))
                .body("receipt", matchesPattern("TS\\d{8}[2-9A-HJKMNP-Z]{8}"))
                .extract().path("receipt");
        String queued = FoodFixtures.count("select count(*) from inspection i join complaint c on c.inspection_id = i.id"
                + " where c.receipt = '" + receipt + "' and i.status = 'SCHEDULED' and i.type = 'COMPLAINT'") == 1
                ? scheduledOf(receipt) : null;
        org.junit.jupiter.api.Assertions.assertNotNull(queued, "a scheduled COMPLAINT inspection of the provider");

        String followed = given().get("/api/v1/food-safety/public/complaints/" + receipt).then().statusCode(200)
                .body("status", equalTo("INSPECTION_SCHEDULED")).body("providerId", equalTo(provider))
                .body("outcome", equalTo(null)).extract().asString();
        assertFalse(followed.contains("13912345678"), "the contact stays masked");

        Map<String, Object> done = new HashMap<>(Map.of("type", "COMPLAINT", "inspectedAt", "2024-11-27T15:00:00+08:00",
                "inspectors", List.of("insp-zhao", "insp-qian"), "checklist", FoodFixtures.checklist("KITCHEN_HYGIENE"),
                "scheduledInspectionId", queued));
        FoodFixtures.inspectWith(provider, done).then().statusCode(201).body("id", equalTo(queued))
                .body("type", equalTo("COMPLAINT")).body("outcome", equalTo("PASS_WITH_ISSUES"));
        given().get("/api/v1/food-safety/public/complaints/" + receipt.toLowerCase()).then().statusCode(200)
                .body("status", equalTo("INSPECTED")).body("outcome", equalTo("PASS_WITH_ISSUES"))
                .body("inspectedOn", equalTo("2024-11-27"));
    }

    @Test
    void aComplaintAboutNobodyOrWithoutAnAccountIsA4xxAndQueuesNothing() throws Exception {
        long before = FoodFixtures.count("select count(*) from inspection");
        given().contentType(ContentType.JSON).body(Map.of("providerId", "no-such-provider", "description", "异味"))
                .post("/api/v1/food-safety/public/complaints").then().statusCode(422)
                .body("errors[0].field", equalTo("providerId"));
        given().contentType(ContentType.JSON).body(Map.of("providerId", FoodFixtures.provider()))
                .post("/api/v1/food-safety/public/complaints").then().statusCode(400)
                .body("errors[0].field", equalTo("description"));
        given().contentType(ContentType.JSON).body(Map.of("providerId", FoodFixtures.provider(), "description",
                        "x".repeat(2001))).post("/api/v1/food-safety/public/complaints").then().statusCode(400);
        assertEquals(before, FoodFixtures.count("select count(*) from inspection"));
        given().get("/api/v1/food-safety/public/complaints/TS20240101AAAAAAAA").then().statusCode(404);
    }

    private static String scheduledOf(String receipt) throws Exception {
        try (var db = org.shequ.testing.TestInfra.get().connect("shequ_food_inspections");
             var query = db.prepareStatement("select inspection_id from complaint where receipt = ?")) {
            query.setString(1, receipt);
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }
}
