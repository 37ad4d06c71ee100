package org.shequ.foodinspections.inspection;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shequ.foodinspections.FoodFixtures;
import org.shequ.local.TopicReader;
import org.shequ.model.cloudevents.KafkaBinding;
import org.shequ.model.events.Topics;
import org.shequ.testing.ShequInfraResource;
import org.shequ.testing.TestInfra;

/** Orders open on failures, stay open while items still fail, and close when a follow-up finds them put right. */
@QuarkusTest
@QuarkusTestResource(ShequInfraResource.class)
class InspectionLifecycleTest {

    @Test
    void aFailedInspectionOpensOrdersDueInSevenOrFourteenDaysAndIsAnnounced() {
        String provider = FoodFixtures.provider();
        String inspection = FoodFixtures.inspect(provider, null, "SAMPLE_RETENTION", "KITCHEN_HYGIENE");
        JsonPath read = given().get("/api/v1/food-safety/inspections/" + inspection).then().statusCode(200)
                .body("outcome", equalTo("FAIL"))
                .body("ruleVersion", equalTo("xfz-2024.1"))
                .body("failedItems", containsInAnyOrder("SAMPLE_RETENTION", "KITCHEN_HYGIENE"))
                .extract().jsonPath();
        Map<String, String> due = Map.of(
                read.getString("rectifications.find { it.item == 'SAMPLE_RETENTION' }.dueAt"), "critical",
                read.getString("rectifications.find { it.item == 'KITCHEN_HYGIENE' }.dueAt"), "minor");
        assertEquals("critical", due.get("2024-12-02T10:00:00+08:00"));
        assertEquals("minor", due.get("2024-12-09T10:00:00+08:00"));

        var records = TopicReader.read(TestInfra.get().kafkaBootstrap(), Topics.FOOD_INSPECTIONS,
                r -> inspection.equals(r.key()), 1, Duration.ofSeconds(2), Duration.ofSeconds(20));
        assertEquals("shequ.food-inspections.inspection.completed.v1",
                KafkaBinding.header(records.get(0).headers(), KafkaBinding.CE_TYPE));
        String data = new String(records.get(0).value(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(true, data.contains("\"outcome\":\"FAIL\"") && data.contains("\"community\":\"双塔寺一社区\""), data);
    }

    @Test
    void aFollowUpClosesTheOrdersPutRightAndKeepsTheOthersOpen() {
        String provider = FoodFixtures.provider();
        String first = FoodFixtures.inspect(provider, null, "SAMPLE_RETENTION", "KITCHEN_HYGIENE", "LICENSES");
        String followUp = FoodFixtures.inspect(provider, first, "KITCHEN_HYGIENE");

        given().get("/api/v1/food-safety/inspections/" + followUp).then().statusCode(200)
                .body("outcome", equalTo("PASS_WITH_ISSUES"))
                .body("followUpOf", equalTo(first))
                .body("rectifications.findAll { it.relation == 'closed' }.item",
                        containsInAnyOrder("SAMPLE_RETENTION", "LICENSES"));
        given().header("Authorization", FoodFixtures.bearer("inspector"))
                .get("/api/v1/food-safety/rectifications?providerId=" + provider + "&status=OPEN")
                .then().statusCode(200).body("items.item", equalTo(List.of("KITCHEN_HYGIENE")))
                .body("items[0].inspectionId", equalTo(first));
        given().header("Authorization", FoodFixtures.bearer("inspector"))
                .get("/api/v1/food-safety/rectifications?overdue=true")
                .then().statusCode(200).body("items.providerId", hasItem(provider))
                .body("items.find { it.providerId == '" + provider + "' }.overdue", equalTo(true));

        String again = FoodFixtures.inspect(provider, followUp);
        given().get("/api/v1/food-safety/inspections/" + again).then().statusCode(200)
                .body("outcome", equalTo("PASS"))
                .body("rectifications.findAll { it.relation == 'closed' }.item", equalTo(List.of("KITCHEN_HYGIENE")));
        given().header("Authorization", FoodFixtures.bearer("inspector"))
                .get("/api/v1/food-safety/rectifications?providerId=" + provider + "&status=OPEN")
                .then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void aFollowUpOfAnotherProvidersInspectionIsRefusedAndChangesNothing() throws Exception {
        String mine = FoodFixtures.provider();
        String theirs = FoodFixtures.provider();
        String theirInspection = FoodFixtures.inspect(theirs, null, "FIRE_EQUIPMENT");
        long before = FoodFixtures.count("select (select count(*) from inspection) + (select count(*) from rectification)"
                + " + (select count(*) from outbox_event) + (select count(*) from rectification where status = 'CLOSED')");
        FoodFixtures.inspectWith(mine, Map.of("type", "FOLLOW_UP", "inspectedAt", "2024-12-01T10:00:00+08:00",
                        "inspectors", List.of("insp-zhao"), "checklist", FoodFixtures.checklist(),
                        "followUpOf", theirInspection))
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("followUpOf"));
        assertEquals(before, FoodFixtures.count("select (select count(*) from inspection) + (select count(*) from"
                + " rectification) + (select count(*) from outbox_event) + (select count(*) from rectification where"
                + " status = 'CLOSED')"));
    }

    /** Nobody looked: a checklist answered NOT_APPLICABLE is refused, naming the items every 小饭桌 has to check. */
    @Test
    void aChecklistOfNotApplicableIsA400NamingTheItemsThatAreAlwaysChecked() throws Exception {
        String provider = FoodFixtures.provider();
        long before = FoodFixtures.count("select count(*) from inspection");
        List<Map<String, Object>> nobodyLooked = java.util.Arrays.stream(ChecklistItem.values())
                .map(item -> Map.<String, Object>of("item", item.name(), "result", "NOT_APPLICABLE")).toList();
        FoodFixtures.inspectWith(provider, Map.of("type", "ROUTINE", "inspectedAt", "2024-11-25T10:00:00+08:00",
                        "inspectors", List.of("insp-zhao", "insp-qian"), "checklist", nobodyLooked))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItems("checklist[0].result", "checklist[6].result"))
                .body("errors.field", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("checklist[7].result")))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("[TABLEWARE_DISINFECTION]"));
        assertEquals(before, FoodFixtures.count("select count(*) from inspection"));

        List<Map<String, Object>> singleUseTableware = new java.util.ArrayList<>(FoodFixtures.checklist());
        singleUseTableware.replaceAll(entry -> entry.get("item").equals("TABLEWARE_DISINFECTION")
                ? Map.of("item", "TABLEWARE_DISINFECTION", "result", "NOT_APPLICABLE") : entry);
        FoodFixtures.inspectWith(provider, Map.of("type", "ROUTINE", "inspectedAt", "2024-11-25T10:00:00+08:00",
                        "inspectors", List.of("insp-zhao", "insp-qian"), "checklist", singleUseTableware))
                .then().statusCode(201).body("outcome", org.hamcrest.Matchers.equalTo("PASS"));
    }
}
