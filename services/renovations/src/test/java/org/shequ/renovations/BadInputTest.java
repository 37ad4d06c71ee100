package org.shequ.renovations;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.shequ.testing.ShequInfraResource;
import org.shequ.testing.TestInfra;

/** Bad input on every write endpoint of renovations: a 4xx problem+json naming the field, and nothing changed. */
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
        List<Case> cases = List.of(
                new Case("a negative floor area", compounds, compound("\"floorAreaM2\":-500"), 400, "floorAreaM2"),
                new Case("households as text", compounds, compound("\"households\":\"312\""), 400, "households"),
                new Case("built in 1850", compounds, compound("\"builtYear\":1850"), 400, "builtYear"),
                new Case("a compound without district", compounds, "{\"name\":\"无区小区\"}", 400, "district"),
                new Case("a compound with an unknown field", compounds, compound("\"mayor\":\"x\""), 400, "mayor"),
                new Case("plannedEnd before plannedStart", projects, plan(compound, "\"plannedStart\":\"2024-09-01\",\"plannedEnd\":\"2024-08-01\""), 400, "plannedEnd"),
                new Case("a category unknown", projects, plan(compound, "\"category\":\"LUXURY\""), 400, "category"),
                new Case("a negative budget", projects, plan(compound, "\"budgetCny\":-1"), 400, "budgetCny"),
                new Case("a scope quantity of 0", projects, plan(compound, "\"scope\":[{\"item\":\"广场\",\"quantity\":0,\"unit\":\"m2\"}]"), 400, "scope"),
                new Case("a plannedStart with a time", projects, plan(compound, "\"plannedStart\":\"2024-09-01T08:00:00+08:00\""), 400, "plannedStart"),
                new Case("an unknown compound", projects, plan("no-such-compound", "\"category\":\"BASIC\""), 422, "compoundId"),
                new Case("start on a date that is not one", p + "/start", "{\"actualStart\":\"2024-02-30\"}", 400, "actualStart"),
                new Case("complete without actualEnd", r + "/complete", "{\"actualCostCny\":1}", 400, "actualEnd"),
                new Case("complete late without a reason", r + "/complete", "{\"actualEnd\":\"2024-12-20\",\"actualCostCny\":100}", 400, "varianceReason"),
                new Case("complete over budget without a reason", r + "/complete", "{\"actualEnd\":\"2024-11-20\",\"actualCostCny\":300001}", 400, "varianceReason"),
                new Case("complete before it started", r + "/complete", "{\"actualEnd\":\"2024-08-20\",\"actualCostCny\":100}", 400, "actualEnd"),
                new Case("a negative cost", r + "/complete", "{\"actualEnd\":\"2024-11-20\",\"actualCostCny\":-5}", 400, "actualCostCny"),
                new Case("cancel without reason", p + "/cancel", "{}", 400, "reason"),
                new Case("approve with a stale If-Match", "POST", p + "/approve", "{}", 412, null, "\"42\""),
                new Case("a milestone without dueDate", p + "/milestones", "{\"title\":\"验收\"}", 400, "dueDate"),
                new Case("a milestone met on no date", p + "/milestones/" + milestone + "/meet", "{}", 400, "metDate"),
                new Case("a link to an unknown request", p + "/requests", "{\"requestIds\":[\"no-such-request\"]}", 422, "requestIds"),
                new Case("a link to nothing", p + "/requests", "{\"requestIds\":[]}", 400, "requestIds"),
                new Case("a disruption outside the project's dates", disruptions, "{\"kind\":\"NOISE\",\"startsAt\":\"2025-03-01T08:00:00+08:00\",\"endsAt\":\"2025-03-02T08:00:00+08:00\"}", 422, "startsAt"),
                new Case("a disruption ending before it starts", disruptions, "{\"kind\":\"NOISE\",\"startsAt\":\"2024-10-20T08:00:00+08:00\",\"endsAt\":\"2024-10-08T08:00:00+08:00\"}", 400, "endsAt"),
                new Case("a disruption of an unknown kind", disruptions, "{\"kind\":\"EARTHQUAKE\"," + window + "}", 400, "kind"),
                new Case("a disruption without offset", disruptions, "{\"kind\":\"NOISE\",\"startsAt\":\"2024-10-08T08:00:00\",\"endsAt\":\"2024-10-20T18:00:00+08:00\"}", 400, "startsAt"),
                new Case("an area without road or compound", disruptions, "{\"kind\":\"WATER\"," + window + ",\"areas\":[{\"side\":\"路东\"}]}", 400, "areas"),
                new Case("a change without If-Match", "PUT", disruptions + "/" + disruption, "{\"kind\":\"NOISE\"," + window + "}", 428, null, null),
                new Case("a change with a stale If-Match", "PUT", disruptions + "/" + disruption, "{\"kind\":\"NOISE\"," + window + "}", 412, null, "\"9\""),
                new Case("a disruption cancelled without reason", disruptions + "/" + disruption + "/cancel", "{}", 400, "reason"),
                new Case("a wish about an unknown compound", requests, "{\"compoundId\":\"no-such\",\"text\":\"修广场\"}", 422, "compoundId"),
                new Case("an empty wish", requests, "{\"compoundId\":\"" + compound + "\",\"text\":\" \"}", 400, "text"),
                new Case("a wish with a control character", requests, "{\"compoundId\":\"" + compound + "\",\"text\":\"修\\u0007广场\"}", 400, "text"),
                new Case("malformed JSON", projects, "{\"title\":", 400, null));
        String resident = "Bearer " + TestInfra.get().token("resident", "resident-rong");
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            long before = RenovationsDatabase.everything();
            RequestSpecification request = given().contentType(ContentType.JSON)
                    .header("Authorization", c.path().equals(requests) ? resident : RenovationsDatabase.admin())
                    .body(c.body());
            if (c.ifMatch() != null) {
                request = request.header("If-Match", c.ifMatch());
            }
            var response = request.request(c.method(), c.path()).then().statusCode(c.status())
                    .contentType("application/problem+json");
            if (c.field() != null) {
                response.body("errors.field", hasItem(startsWith(c.field())));
            }
            assertEquals(before, RenovationsDatabase.everything(), c.name() + " changed something");
        }));
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
