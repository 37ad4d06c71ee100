package org.shequ.renovations.project;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shequ.renovations.RenovationsDatabase;
import org.shequ.testing.ShequInfraResource;
import org.shequ.testing.TestInfra;

/**
 * A compound's project list, page by page, shows each project as its own page does (milestones, progress, the
 * residents' requests it answers), only without the history.
 */
@QuarkusTest
@QuarkusTestResource(ShequInfraResource.class)
class ProjectListTest {

    @Test
    void eachListedProjectShowsItsOwnMilestonesAndAnsweredRequestsAcrossPages() {
        String compound = RenovationsDatabase.registerCompound();
        String plaza = RenovationsDatabase.planProject(compound, "IMPROVEMENT");
        String firstMilestone = addMilestone(plaza, "铺设塑胶面层", "2024-11-10");
        addMilestone(plaza, "竣工验收", "2024-11-30");
        given().contentType(ContentType.JSON).header("Authorization", RenovationsDatabase.admin())
                .body(Map.of("metDate", "2024-11-12"))
                .post("/api/v1/renovations/projects/" + plaza + "/milestones/" + firstMilestone + "/meet")
                .then().statusCode(200);
        String wish = given().contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + TestInfra.get().token("resident", "resident-rong"))
                .body(Map.of("compoundId", compound, "text", "广场地砖缺损，雨雪天湿滑，希望翻修并做防滑处理。"))
                .post("/api/v1/renovations/requests").then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).header("Authorization", RenovationsDatabase.admin())
                .body(Map.of("requestIds", List.of(wish)))
                .post("/api/v1/renovations/projects/" + plaza + "/requests").then().statusCode(200);
        String pipes = RenovationsDatabase.planProject(compound, "BASIC");
        addMilestone(pipes, "管网更换", "2024-10-15");
        String facade = RenovationsDatabase.planProject(compound, "IMPROVEMENT");

        List<Map<String, Object>> listed = new ArrayList<>();
        JsonPath first = page(compound, null);
        listed.addAll(first.getList("items"));
        String next = first.getString("nextCursor");
        assertNotNull(next, "three projects, two a page");
        JsonPath second = page(compound, next);
        listed.addAll(second.getList("items"));
        assertNull(second.getString("nextCursor"));

        assertEquals(List.of(facade, pipes, plaza), listed.stream().map(p -> p.get("id")).toList(), "newest first");
        for (Map<String, Object> item : listed) {
            assertFalse(item.containsKey("history"), "a list leaves the history to the project's page");
            Map<String, Object> own = new HashMap<>(given().get("/api/v1/renovations/projects/" + item.get("id"))
                    .then().statusCode(200).extract().jsonPath().getMap(""));
            own.remove("history");
            assertEquals(own, item);
        }
        Map<String, Object> listedPlaza = listed.get(2);
        assertEquals(List.of(wish), listedPlaza.get("answersRequests"));
        assertEquals(50, listedPlaza.get("physicalProgress"));
        assertEquals(2, ((List<?>) listedPlaza.get("milestones")).size());
        assertEquals(1, ((List<?>) listed.get(1).get("milestones")).size());
        assertEquals(List.of(), listed.get(0).get("milestones"));
    }

    private static String addMilestone(String project, String title, String dueDate) {
        List<Map<String, Object>> milestones = given().contentType(ContentType.JSON)
                .header("Authorization", RenovationsDatabase.admin())
                .body(Map.of("title", title, "dueDate", dueDate))
                .post("/api/v1/renovations/projects/" + project + "/milestones").then().statusCode(200)
                .extract().jsonPath().getList("milestones");
        return milestones.stream().filter(m -> title.equals(m.get("title"))).findFirst().orElseThrow()
                .get("id").toString();
    }

    private static JsonPath page(String compound, String cursor) {
        var request = given().queryParam("compoundId", compound).queryParam("limit", 2);
        if (cursor != null) {
            request.queryParam("cursor", cursor);
        }
        return request.get("/api/v1/renovations/projects").then().statusCode(200).extract().jsonPath();
    }
}
