package org.shequ.renovations.project;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.shequ.renovations.RenovationsDatabase;
import org.shequ.testing.ShequInfraResource;

/**
 * Every project action from every status, table-driven: a legal one moves the project and writes its history line
 * and event; an illegal one is a 409 naming the allowed actions and changes nothing.
 */
@QuarkusTest
@QuarkusTestResource(ShequInfraResource.class)
class ProjectWorkflowTest {

    private static final List<String> ACTIONS = List.of("approve", "start", "complete", "accept", "cancel");

    private static final Map<String, List<String>> PATH_TO = Map.of(
            "PLANNED", List.of(),
            "APPROVED", List.of("approve"),
            "IN_PROGRESS", List.of("approve", "start"),
            "COMPLETED", List.of("approve", "start", "complete"),
            "ACCEPTED", List.of("approve", "start", "complete", "accept"),
            "CANCELLED", List.of("cancel"));

    /** Written out, not derived from the code. */
    private static final Map<String, Map<String, String>> LEGAL = Map.of(
            "PLANNED", Map.of("approve", "APPROVED", "cancel", "CANCELLED"),
            "APPROVED", Map.of("start", "IN_PROGRESS", "cancel", "CANCELLED"),
            "IN_PROGRESS", Map.of("complete", "COMPLETED", "cancel", "CANCELLED"),
            "COMPLETED", Map.of("accept", "ACCEPTED"),
            "ACCEPTED", Map.of(),
            "CANCELLED", Map.of());

    private static final Map<String, String> EVENT_FOR = Map.of("approve", "status-changed", "start", "started",
            "complete", "completed", "accept", "accepted", "cancel", "status-changed");

    @TestFactory
    Stream<DynamicTest> everyActionFromEveryStatus() {
        String compound = RenovationsDatabase.registerCompound();
        return PATH_TO.keySet().stream().sorted().flatMap(status -> ACTIONS.stream().map(action ->
                DynamicTest.dynamicTest(action + " from " + status, () -> {
                    String project = RenovationsDatabase.planProject(compound, "IMPROVEMENT");
                    for (String step : PATH_TO.get(status)) {
                        RenovationsDatabase.act(project, step).then().statusCode(200);
                    }
                    long events = RenovationsDatabase.count("select count(*) from outbox_event where aggregate_id = '"
                            + project + "'");
                    JsonPath before = read(project);
                    Response response = RenovationsDatabase.act(project, action);
                    JsonPath after = read(project);
                    String expected = LEGAL.get(status).get(action);
                    if (expected != null) {
                        response.then().statusCode(200);
                        assertEquals(expected, after.getString("status"));
                        assertEquals(action, after.getString("history[-1].action"));
                        assertEquals(status, after.getString("history[-1].from"));
                        assertEquals(before.getList("history").size() + 1, after.getList("history").size());
                        assertEquals(1, RenovationsDatabase.count("select count(*) from outbox_event where aggregate_id"
                                + " = '" + project + "' and event_type = 'shequ.renovations.project."
                                + EVENT_FOR.get(action) + ".v1' and aggregate_version = " + (events + 1)));
                    } else {
                        response.then().statusCode(409).contentType("application/problem+json");
                        assertEquals(LEGAL.get(status).keySet().stream().sorted().toList(),
                                response.jsonPath().getList("allowed", String.class).stream().sorted().toList());
                        assertEquals(before.prettify(), after.prettify(), "nothing changed");
                        assertEquals(events, RenovationsDatabase.count("select count(*) from outbox_event where"
                                + " aggregate_id = '" + project + "'"));
                    }
                })));
    }

    private static JsonPath read(String project) {
        return given().get("/api/v1/renovations/projects/" + project).then().statusCode(200).extract().jsonPath();
    }
}
