package org.shequ.foodinspections;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.shequ.testing.ShequInfraResource;

/**
 * Bad input on every write endpoint of food-inspections: a 4xx problem+json naming the field, and nothing written
 * (rows, versions, events, access-log lines of a refused write).
 */
@QuarkusTest
@QuarkusTestResource(ShequInfraResource.class)
class BadInputTest {

    private record Case(String name, String method, String path, String body, int status, String field, String ifMatch) {
        Case(String name, String path, String body, int status, String field) {
            this(name, "POST", path, body, status, field, null);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyWriteRefusesBadInputAndChangesNothing() {
        String provider = FoodFixtures.provider();
        String other = FoodFixtures.provider();
        String inspection = FoodFixtures.inspect(other, null, "FIRE_EQUIPMENT");
        String providers = "/api/v1/food-safety/providers";
        String inspections = providers + "/" + provider + "/inspections";
        String spotChecks = "/api/v1/food-safety/spot-checks";
        String inspectors = "/api/v1/food-safety/inspectors";
        String checklist8 = checklist(FoodFixtures.ITEMS);
        List<Case> cases = List.of(
                new Case("capacity of 0", providers, providerBody("\"capacity\":0"), 400, "capacity"),
                new Case("capacity of 100,000", providers, providerBody("\"capacity\":100000"), 400, "capacity"),
                new Case("capacity as text", providers, providerBody("\"capacity\":\"30\""), 400, "capacity"),
                new Case("phone of letters", providers, providerBody("\"phone\":\"call me\""), 400, "phone"),
                new Case("phone as a number", providers, providerBody("\"phone\":13812341234"), 400, "phone"),
                new Case("status in lower case", providers, providerBody("\"status\":\"active\""), 400, "status"),
                new Case("operator with a control character", providers, providerBody("\"operatorName\":\"王\\u0001芳\""), 400, "operatorName"),
                new Case("unknown field in the ledger", providers, providerBody("\"idCard\":\"140105\""), 400, "idCard"),
                new Case("provider without a community", providers, "{\"name\":\"x\",\"address\":\"y\",\"operatorName\":\"王芳\",\"phone\":\"13812341234\"}", 400, "community"),
                new Case("PUT without If-Match", "PUT", providers + "/" + provider, fullProvider(), 428, null, null),
                new Case("PUT with a stale If-Match", "PUT", providers + "/" + provider, fullProvider(), 412, null, "\"99\""),
                new Case("PUT with a foreign If-Match", "PUT", providers + "/" + provider, fullProvider(), 400, "If-Match", "abc"),
                new Case("PUT without status", "PUT", providers + "/" + provider, fullProvider().replace(",\"status\":\"ACTIVE\"", ""), 400, "status", "\"0\""),
                new Case("an unknown checklist item", inspections, inspectionBody(checklist8.replace("\"LICENSES\"", "\"NOISE\"")), 400, "checklist"),
                new Case("a duplicate checklist item", inspections, inspectionBody(checklist8.replace("\"LICENSES\"", "\"KITCHEN_HYGIENE\"")), 400, "checklist"),
                new Case("a missing checklist item", inspections, inspectionBody(checklist(FoodFixtures.ITEMS.subList(0, 7))), 400, "checklist"),
                new Case("an empty checklist", inspections, inspectionBody("[]"), 400, "checklist"),
                new Case("a result that is not one", inspections, inspectionBody(checklist8.replace("\"result\":\"PASS\"", "\"result\":\"OK\"")), 400, "checklist"),
                new Case("a note with a NUL", inspections, inspectionBody(checklist8.replace("\"LICENSES\",\"result\":\"PASS\"", "\"LICENSES\",\"result\":\"PASS\",\"note\":\"a\\u0000b\"")), 400, "checklist"),
                new Case("no inspectors", inspections, inspectionBody(checklist8).replace("[\"insp-zhao\"]", "[]"), 400, "inspectors"),
                new Case("inspectedAt without offset", inspections, inspectionBody(checklist8).replace("2024-11-25T10:00:00+08:00", "2024-11-25T10:00:00"), 400, "inspectedAt"),
                new Case("type unknown", inspections, inspectionBody(checklist8).replace("\"ROUTINE\"", "\"SURPRISE\""), 400, "type"),
                new Case("follow-up without followUpOf", inspections, inspectionBody(checklist8).replace("\"ROUTINE\"", "\"FOLLOW_UP\""), 400, "followUpOf"),
                new Case("follow-up of an unknown inspection", inspections, inspectionBody(checklist8).replace("\"ROUTINE\"", "\"FOLLOW_UP\"").replace("\"checklist\"", "\"followUpOf\":\"no-such\",\"checklist\""), 422, "followUpOf"),
                new Case("follow-up of another provider's inspection", inspections, inspectionBody(checklist8).replace("\"ROUTINE\"", "\"FOLLOW_UP\"").replace("\"checklist\"", "\"followUpOf\":\"" + inspection + "\",\"checklist\""), 422, "followUpOf"),
                new Case("followUpOf on a routine inspection", inspections, inspectionBody(checklist8).replace("\"checklist\"", "\"followUpOf\":\"" + inspection + "\",\"checklist\""), 400, "followUpOf"),
                new Case("an inspection of an unknown provider", providers + "/no-such/inspections", inspectionBody(checklist8), 404, null),
                new Case("a scheduled spot check that is not one", inspections, inspectionBody(checklist8).replace("\"ROUTINE\"", "\"SPOT_CHECK\"").replace("\"checklist\"", "\"scheduledInspectionId\":\"" + inspection + "\",\"checklist\""), 422, "scheduledInspectionId"),
                new Case("a draw of 0", spotChecks, "{\"count\":0,\"inspectorsPerCheck\":1,\"community\":\"双塔寺一社区\"}", 400, "count"),
                new Case("a draw without community", spotChecks, "{\"count\":1,\"inspectorsPerCheck\":1}", 400, "community"),
                new Case("a seed as text", spotChecks, "{\"count\":1,\"inspectorsPerCheck\":1,\"community\":\"双塔寺一社区\",\"seed\":\"lucky\"}", 400, "seed"),
                new Case("a seed with a fraction", spotChecks, "{\"count\":1,\"inspectorsPerCheck\":1,\"community\":\"双塔寺一社区\",\"seed\":1.5}", 400, "seed"),
                new Case("a draw larger than the ledger", spotChecks, "{\"count\":100,\"inspectorsPerCheck\":1,\"community\":\"双塔寺一社区\",\"seed\":1}", 422, "count"),
                new Case("an inspector without id", inspectors, "{\"community\":\"双塔寺一社区\",\"name\":\"赵敏\"}", 400, "id"),
                new Case("an inspector active as text", inspectors, "{\"id\":\"insp-x\",\"community\":\"双塔寺一社区\",\"name\":\"赵敏\",\"active\":\"yes\"}", 400, "active"),
                new Case("malformed JSON", inspections, "{\"type\":", 400, null));
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            long before = everything();
            RequestSpecification request = given().contentType(ContentType.JSON)
                    .header("Authorization", FoodFixtures.bearer("district-admin")).body(c.body());
            if (c.ifMatch() != null) {
                request = request.header("If-Match", c.ifMatch());
            }
            var response = request.request(c.method(), c.path()).then().statusCode(c.status())
                    .contentType("application/problem+json");
            if (c.field() != null) {
                response.body("errors.field", hasItem(startsWith(c.field())));
            }
            assertEquals(before, everything(), c.name() + " changed something");
        }));
    }

    private static long everything() throws Exception {
        return FoodFixtures.count("select (select count(*) from provider) + (select coalesce(sum(version), 0) from"
                + " provider) + (select count(*) from inspection) + (select count(*) from checklist_result)"
                + " + (select count(*) from rectification) + (select count(*) from spot_check)"
                + " + (select count(*) from inspector) + (select count(*) from outbox_event)");
    }

    private static String providerBody(String field) {
        String base = "\"name\":\"双塔寺小饭桌\",\"address\":\"迎泽区双塔寺街12号\",\"operatorName\":\"王芳\","
                + "\"phone\":\"13812341234\",\"community\":\"双塔寺一社区\"";
        String name = field.substring(1, field.indexOf('"', 1));
        base = base.replaceAll("\"" + name + "\":\"[^\"]*\",?", "");
        return "{" + base + (base.endsWith(",") || base.isEmpty() ? "" : ",") + field + "}";
    }

    private static String fullProvider() {
        return "{\"name\":\"双塔寺小饭桌\",\"address\":\"迎泽区双塔寺街12号\",\"operatorName\":\"王芳\","
                + "\"phone\":\"13812341234\",\"capacity\":30,\"community\":\"双塔寺一社区\",\"status\":\"ACTIVE\"}";
    }

    private static String checklist(List<String> items) {
        return "[" + String.join(",", items.stream().map(i -> "{\"item\":\"" + i + "\",\"result\":\"PASS\"}").toList())
                + "]";
    }

    private static String inspectionBody(String checklist) {
        return "{\"type\":\"ROUTINE\",\"inspectedAt\":\"2024-11-25T10:00:00+08:00\",\"inspectors\":[\"insp-zhao\"],"
                + "\"checklist\":" + checklist + "}";
    }
}
