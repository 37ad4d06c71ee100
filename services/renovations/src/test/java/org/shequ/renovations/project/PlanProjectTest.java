package org.shequ.renovations.project;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shequ.local.TopicReader;
import org.shequ.model.cloudevents.KafkaBinding;
import org.shequ.model.events.Topics;
import org.shequ.renovations.RenovationsDatabase;
import org.shequ.testing.ShequInfraResource;
import org.shequ.testing.TestInfra;

@QuarkusTest
@QuarkusTestResource(ShequInfraResource.class)
class PlanProjectTest {

    @Test
    void plannedProjectReadsBackAndIsAnnouncedOnTheTopic() {
        String compoundId = RenovationsDatabase.registerCompound();
        String id = given().contentType(ContentType.JSON).header("Authorization", RenovationsDatabase.admin())
                .body(Map.of("compoundId", compoundId, "title", "西铭路47号院广场防滑橡胶地面改造",
                        "category", "IMPROVEMENT", "plannedStart", "2024-04-01", "plannedEnd", "2024-06-30",
                        "scope", List.of(Map.of("item", "广场地面", "quantity", 500, "unit", "m2"))))
                .post("/api/v1/renovations/projects")
                .then().statusCode(201)
                .body("status", equalTo("PLANNED"))
                .body("scope[0].quantity", equalTo(500))
                .extract().path("id");
        given().get("/api/v1/renovations/projects/" + id).then().statusCode(200)
                .body("plannedEnd", equalTo("2024-06-30"))
                .body("scope[0].item", equalTo("广场地面"));

        var records = TopicReader.read(TestInfra.get().kafkaBootstrap(), Topics.RENOVATIONS,
                r -> id.equals(r.key()), 1, Duration.ofSeconds(2), Duration.ofSeconds(20));
        assertEquals(1, records.size());
        assertEquals("shequ.renovations.project.status-changed.v1",
                KafkaBinding.header(records.get(0).headers(), KafkaBinding.CE_TYPE));
        assertEquals("1", KafkaBinding.header(records.get(0).headers(), KafkaBinding.CE_AGGREGATE_VERSION));
        assertEquals(true, new String(records.get(0).value(), StandardCharsets.UTF_8).contains("\"to\":\"PLANNED\""));
    }

    @Test
    void projectOfAnUnknownCompoundIsA422NamingCompoundIdAndWritesNothing() throws Exception {
        long before = RenovationsDatabase.count("select (select count(*) from project) + (select count(*) from outbox_event)");
        given().contentType(ContentType.JSON).header("Authorization", RenovationsDatabase.admin())
                .body(Map.of("compoundId", "no-such-compound", "title", "广场改造", "category", "BASIC"))
                .post("/api/v1/renovations/projects")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("compoundId"));
        assertEquals(before, RenovationsDatabase.count(
                "select (select count(*) from project) + (select count(*) from outbox_event)"));
    }

    @Test
    void residentsMayReadButNotPlan() {
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + TestInfra.get().token("resident"))
                .body(Map.of("compoundId", "x", "title", "广场改造", "category", "BASIC"))
                .post("/api/v1/renovations/projects").then().statusCode(403);
        given().contentType(ContentType.JSON)
                .body(Map.of("compoundId", "x", "title", "广场改造", "category", "BASIC"))
                .post("/api/v1/renovations/projects").then().statusCode(401);
    }
}
