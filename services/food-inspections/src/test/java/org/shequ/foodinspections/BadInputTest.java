package org.shequ.foodinspections;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.shequ.testing.RefusedWrites;
import org.shequ.testing.RefusedWrites.Case;
import org.shequ.testing.ShequInfraResource;

/**
 * Bad input on every write endpoint of food-inspections: a 4xx problem+json naming the field, and nothing written
 * (rows, versions, events, access-log lines of a refused write).
 */
@QuarkusTest
@QuarkusTestResource(ShequInfraResource.class)
class BadInputTest {

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
                Case.post("capacity of 0", providers, providerBody("\"capacity\":0"), 400, "capacity"),
                Case.post("capacity of 100,000", providers, providerBody("\"capacity\":100000"), 400, "capacity"),
                Case.post("capacity as text", providers, providerBody("\"capacity\":\"30\""), 400, "capacity"),
                Case.post("phone of letters", providers, providerBody("\"phone\":\"call me\""), 400, "phone"),
                Case.post("phone as a number", providers, providerBody("\"phone\":13812341234"), 400, "phone"),
                Case.post("status in lower case", providers, providerBody("\"status\":\"active\""), 400, "status"),
                Case.post("operator with a control character", providers, providerBody("\"operatorName\":\"王\\u0001芳\""), 400, "operatorName"),
                Case.post("unknown field in the ledger", providers, providerBody("\"idCard\":\"140105\""), 400, "idCard"),
                Case.post("provider without a community", providers, "{\"name\":\"x\",\"address\":\"y\",\"operatorName\":\"王芳\",\"phone\":\"13812341234\"}", 400, "community"),
                Case.post("PUT without If-Match", providers + "/" + provider, fullProvider(), 428, null).with("PUT"),
                Case.post("PUT with a stale If-Match", providers + "/" + provider, fullProvider(), 412, null).with("PUT").withIfMatch("\"99\""),
                Case.post("PUT with a foreign If-Match", providers + "/" + provider, fullProvider(), 400, "If-Match").with("PUT").withIfMatch("abc"),
                Case.post("PUT without status", providers + "/" + provider, fullProvider().replace(",\"status\":\"ACTIVE\"", ""), 400, "status").with("PUT").withIfMatch("\"0\""),
                Case.post("an unknown checklist item", inspections, inspectionBody(checklist8.replace("\"LICENSES\"", "\"NOISE\"")), 400, "checklist"),
                Case.post("a duplicate checklist item", inspections, inspectionBody(checklist8.replace("\"LICENSES\"", "\"KITCHEN_HYGIENE\"")), 400, "checklist"),
                Case.post("a missing checklist item", inspections, inspectionBody(checklist(FoodFixtures.ITEMS.subList(0, 7))), 400, "checklist"),
                Case.post("an empty checklist", inspections, inspectionBody("[]"), 400, "checklist"),
                Case.post("a result that is not one", inspections, inspectionBody(checklist8.replace("\"result\":\"PASS\"", "\"result\":\"OK\"")), 400, "checklist"),
                Case.post("a note with a NUL", inspections, inspectionBody(checklist8.replace("\"LICENSES\",\"result\":\"PASS\"", "\"LICENSES\",\"result\":\"PASS\",\"note\":\"a\\u0000b\"")), 400, "checklist"),
                Case.post("no inspectors", inspections, inspectionBody(checklist8).replace("[\"insp-zhao\"]", "[]"), 400, "inspectors"),
                Case.post("inspectedAt without offset", inspections, inspectionBody(checklist8).replace("2024-11-25T10:00:00+08:00", "2024-11-25T10:00:00"), 400, "inspectedAt"),
                Case.post("type unknown", inspections, inspectionBody(checklist8).replace("\"ROUTINE\"", "\"SURPRISE\""), 400, "type"),
                Case.post("follow-up without followUpOf", inspections, inspectionBody(checklist8).replace("\"ROUTINE\"", "\"FOLLOW_UP\""), 400, "followUpOf"),
                Case.post("follow-up of an unknown inspection", inspections, inspectionBody(checklist8).replace("\"ROUTINE\"", "\"FOLLOW_UP\"").replace("\"checklist\"", "\"followUpOf\":\"no-such\",\"checklist\""), 422, "followUpOf"),
                Case.post("follow-up of another provider's inspection", inspections, inspectionBody(checklist8).replace("\"ROUTINE\"", "\"FOLLOW_UP\"").replace("\"checklist\"", "\"followUpOf\":\"" + inspection + "\",\"checklist\""), 422, "followUpOf"),
                Case.post("followUpOf on a routine inspection", inspections, inspectionBody(checklist8).replace("\"checklist\"", "\"followUpOf\":\"" + inspection + "\",\"checklist\""), 400, "followUpOf"),
                Case.post("an inspection of an unknown provider", providers + "/no-such/inspections", inspectionBody(checklist8), 404, null),
                Case.post("a scheduled spot check that is not one", inspections, inspectionBody(checklist8).replace("\"ROUTINE\"", "\"SPOT_CHECK\"").replace("\"checklist\"", "\"scheduledInspectionId\":\"" + inspection + "\",\"checklist\""), 422, "scheduledInspectionId"),
                Case.post("a draw of 0", spotChecks, "{\"count\":0,\"inspectorsPerCheck\":1,\"community\":\"双塔寺一社区\"}", 400, "count"),
                Case.post("a draw without community", spotChecks, "{\"count\":1,\"inspectorsPerCheck\":1}", 400, "community"),
                Case.post("a seed as text", spotChecks, "{\"count\":1,\"inspectorsPerCheck\":1,\"community\":\"双塔寺一社区\",\"seed\":\"lucky\"}", 400, "seed"),
                Case.post("a seed with a fraction", spotChecks, "{\"count\":1,\"inspectorsPerCheck\":1,\"community\":\"双塔寺一社区\",\"seed\":1.5}", 400, "seed"),
                Case.post("a draw larger than the ledger", spotChecks, "{\"count\":100,\"inspectorsPerCheck\":1,\"community\":\"双塔寺一社区\"}", 422, "count"),
                Case.post("a seed chosen by the caller", spotChecks, "{\"count\":1,\"inspectorsPerCheck\":1,\"community\":\"双塔寺一社区\",\"seed\":1}", 400, "seed"),
                Case.post("an inspector without id", inspectors, "{\"community\":\"双塔寺一社区\",\"name\":\"赵敏\"}", 400, "id"),
                Case.post("an inspector active as text", inspectors, "{\"id\":\"insp-x\",\"community\":\"双塔寺一社区\",\"name\":\"赵敏\",\"active\":\"yes\"}", 400, "active"),
                Case.post("malformed JSON", inspections, "{\"type\":", 400, null));
        return RefusedWrites.each(cases, FoodFixtures.bearer("district-admin"), BadInputTest::everything);
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
