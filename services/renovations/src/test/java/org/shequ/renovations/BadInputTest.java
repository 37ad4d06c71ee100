package org.shequ.renovations;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.shequ.testing.RefusedWrites;
import org.shequ.testing.RefusedWrites.Case;
import org.shequ.testing.ShequInfraResource;
import org.shequ.testing.TestInfra;

/** Bad input on every write endpoint of renovations: a 4xx problem+json naming the field, and nothing changed. */
@QuarkusTest
@QuarkusTestResource(ShequInfraResource.class)
class BadInputTest {

    @TestFactory
    Stream<DynamicTest> everyWriteRefusesBadInputAndChangesNothing() {
        String compound = RenovationsDatabase.registerCompound();
        String project = RenovationsDatabase.planProject(compound, "IMPROVEMENT");
        String running = RenovationsDatabase.planProject(compound, "BASIC");
        RenovationsDatabase.act(running, "approve").then().statusCode(200);
        RenovationsDatabase.act(running, "start").then().statusCode(200);
        String milestone = given().contentType(ContentType.JSON).header("Authorization", RenovationsDatabase.admin())
                .body(Map.of("title", "铺设面层", "dueDate", "2024-11-10"))
                .post("/api/v1/renovations/projects/" + project + "/milestones").then().statusCode(200)
                .extract().path("milestones[0].id");
        String disruption = given().contentType(ContentType.JSON).header("Authorization", RenovationsDatabase.admin())
                .body(Map.of("kind", "NOISE", "startsAt", "2024-10-08T08:00:00+08:00", "endsAt", "2024-10-20T18:00:00+08:00"))
                .post("/api/v1/renovations/projects/" + project + "/disruptions").then().statusCode(201).extract().path("id");
        String compounds = "/api/v1/renovations/compounds";
        String projects = "/api/v1/renovations/projects";
        String p = projects + "/" + project;
        String r = projects + "/" + running;
        String disruptions = p + "/disruptions";
        String requests = "/api/v1/renovations/requests";
        String window = "\"startsAt\":\"2024-10-08T08:00:00+08:00\",\"endsAt\":\"2024-10-20T18:00:00+08:00\"";
        String resident = "Bearer " + TestInfra.get().token("resident", "resident-rong");
        List<Case> cases = List.of(
                Case.post("a negative floor area", compounds, compound("\"floorAreaM2\":-500"), 400, "floorAreaM2"),
                Case.post("households as text", compounds, compound("\"households\":\"312\""), 400, "households"),
                Case.post("built in 1850", compounds, compound("\"builtYear\":1850"), 400, "builtYear"),
                Case.post("a compound without district", compounds, "{\"name\":\"无区小区\"}", 400, "district"),
                Case.post("a compound with an unknown field", compounds, compound("\"mayor\":\"x\""), 400, "mayor"),
                Case.post("plannedEnd before plannedStart", projects, plan(compound, "\"plannedStart\":\"2024-09-01\",\"plannedEnd\":\"2024-08-01\""), 400, "plannedEnd"),
                Case.post("a category unknown", projects, plan(compound, "\"category\":\"LUXURY\""), 400, "category"),
                Case.post("a negative budget", projects, plan(compound, "\"budgetCny\":-1"), 400, "budgetCny"),
                Case.post("a scope quantity of 0", projects, plan(compound, "\"scope\":[{\"item\":\"广场\",\"quantity\":0,\"unit\":\"m2\"}]"), 400, "scope"),
                Case.post("a plannedStart with a time", projects, plan(compound, "\"plannedStart\":\"2024-09-01T08:00:00+08:00\""), 400, "plannedStart"),
                Case.post("an unknown compound", projects, plan("no-such-compound", "\"category\":\"BASIC\""), 422, "compoundId"),
                Case.post("start on a date that is not one", p + "/start", "{\"actualStart\":\"2024-02-30\"}", 400, "actualStart"),
                Case.post("complete without actualEnd", r + "/complete", "{\"actualCostCny\":1}", 400, "actualEnd"),
                Case.post("complete late without a reason", r + "/complete", "{\"actualEnd\":\"2024-12-20\",\"actualCostCny\":100}", 400, "varianceReason"),
                Case.post("complete over budget without a reason", r + "/complete", "{\"actualEnd\":\"2024-11-20\",\"actualCostCny\":300001}", 400, "varianceReason"),
                Case.post("complete before it started", r + "/complete", "{\"actualEnd\":\"2024-08-20\",\"actualCostCny\":100}", 400, "actualEnd"),
                Case.post("a negative cost", r + "/complete", "{\"actualEnd\":\"2024-11-20\",\"actualCostCny\":-5}", 400, "actualCostCny"),
                Case.post("cancel without reason", p + "/cancel", "{}", 400, "reason"),
                Case.post("approve with a stale If-Match", p + "/approve", "{}", 412, null).withIfMatch("\"42\""),
                Case.post("a milestone without dueDate", p + "/milestones", "{\"title\":\"验收\"}", 400, "dueDate"),
                Case.post("a milestone met on no date", p + "/milestones/" + milestone + "/meet", "{}", 400, "metDate"),
                Case.post("a link to an unknown request", p + "/requests", "{\"requestIds\":[\"no-such-request\"]}", 422, "requestIds"),
                Case.post("a link to nothing", p + "/requests", "{\"requestIds\":[]}", 400, "requestIds"),
                Case.post("a disruption outside the project's dates", disruptions, "{\"kind\":\"NOISE\",\"startsAt\":\"2025-03-01T08:00:00+08:00\",\"endsAt\":\"2025-03-02T08:00:00+08:00\"}", 422, "startsAt"),
                Case.post("a disruption ending before it starts", disruptions, "{\"kind\":\"NOISE\",\"startsAt\":\"2024-10-20T08:00:00+08:00\",\"endsAt\":\"2024-10-08T08:00:00+08:00\"}", 400, "endsAt"),
                Case.post("a disruption of an unknown kind", disruptions, "{\"kind\":\"EARTHQUAKE\"," + window + "}", 400, "kind"),
                Case.post("a disruption without offset", disruptions, "{\"kind\":\"NOISE\",\"startsAt\":\"2024-10-08T08:00:00\",\"endsAt\":\"2024-10-20T18:00:00+08:00\"}", 400, "startsAt"),
                Case.post("an area without road or compound", disruptions, "{\"kind\":\"WATER\"," + window + ",\"areas\":[{\"side\":\"路东\"}]}", 400, "areas"),
                Case.post("a change without If-Match", disruptions + "/" + disruption, "{\"kind\":\"NOISE\"," + window + "}", 428, null).with("PUT"),
                Case.post("a change with a stale If-Match", disruptions + "/" + disruption, "{\"kind\":\"NOISE\"," + window + "}", 412, null).with("PUT").withIfMatch("\"9\""),
                Case.post("a disruption cancelled without reason", disruptions + "/" + disruption + "/cancel", "{}", 400, "reason"),
                Case.post("a wish about an unknown compound", requests, "{\"compoundId\":\"no-such\",\"text\":\"修广场\"}", 422, "compoundId").as(resident),
                Case.post("an empty wish", requests, "{\"compoundId\":\"" + compound + "\",\"text\":\" \"}", 400, "text").as(resident),
                Case.post("a wish with a control character", requests, "{\"compoundId\":\"" + compound + "\",\"text\":\"修\\u0007广场\"}", 400, "text").as(resident),
                Case.post("malformed JSON", projects, "{\"title\":", 400, null));
        return RefusedWrites.each(cases, RenovationsDatabase.admin(), RenovationsDatabase::everything);
    }

    private static String compound(String field) {
        return "{\"name\":\"小区-" + java.util.UUID.randomUUID().toString().substring(0, 6) + "\",\"district\":\"迎泽区\","
                + field + "}";
    }

    private static String plan(String compoundId, String fields) {
        String base = "\"compoundId\":\"" + compoundId + "\",\"title\":\"广场改造\"";
        if (!fields.contains("\"category\"")) {
            base += ",\"category\":\"BASIC\"";
        }
        return "{" + base + "," + fields + "}";
    }
}
