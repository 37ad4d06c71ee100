package org.shequ.renovations.request;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** 戎大娘 asked for an anti-slip plaza; when the project completes, her wish reads as answered, and the suite hears. */
@QuarkusTest
@QuarkusTestResource(ShequInfraResource.class)
class RequestsAnsweredTest {

    @Test
    void linkedRequestsShowAsAnsweredWhenTheirProjectCompletesAndTheEventIsOnTheTopic() {
        String compound = RenovationsDatabase.registerCompound();
        String resident = "Bearer " + TestInfra.get().token("resident", "resident-rong");
        String wish = given().contentType(ContentType.JSON).header("Authorization", resident)
                .body(Map.of("compoundId", compound, "text", "广场地砖缺损，雨雪天湿滑，希望翻修并做防滑处理。"))
                .post("/api/v1/renovations/requests").then().statusCode(201)
                .body("status", equalTo("OPEN")).body("mine", equalTo(true)).body("requestedBy", nullValue())
                .extract().path("id");
        String project = RenovationsDatabase.planProject(compound, "IMPROVEMENT");
        given().contentType(ContentType.JSON).header("Authorization", RenovationsDatabase.admin())
                .body(Map.of("requestIds", List.of(wish))).post("/api/v1/renovations/projects/" + project + "/requests")
                .then().statusCode(200).body("answersRequests", hasItem(wish));
        given().get("/api/v1/renovations/requests/" + wish).then().statusCode(200).body("status", equalTo("PLANNED"));

        for (String action : new String[] {"approve", "start", "complete"}) {
            RenovationsDatabase.act(project, action).then().statusCode(200);
        }
        given().get("/api/v1/renovations/requests/" + wish).then().statusCode(200)
                .body("status", equalTo("ANSWERED"))
                .body("projectId", equalTo(project))
                .body("answeredOn", equalTo("2024-11-20"))
                .body("answer", startsWith("answered by project 小广场防滑塑胶地面改造 (" + project + ") on 2024-11-20"))
                .body("requestedBy", nullValue());
        given().header("Authorization", RenovationsDatabase.admin()).get("/api/v1/renovations/requests/" + wish)
                .then().body("requestedBy", equalTo("resident-rong"));

        var records = TopicReader.read(TestInfra.get().kafkaBootstrap(), Topics.RENOVATIONS,
                r -> project.equals(r.key()) && "shequ.renovations.project.request-answered.v1".equals(
                        KafkaBinding.header(r.headers(), KafkaBinding.CE_TYPE)), 1, Duration.ofSeconds(2),
                Duration.ofSeconds(20));
        assertEquals(1, records.size());
        String data = new String(records.get(0).value(), StandardCharsets.UTF_8);
        assertTrue(data.contains("\"requestId\":\"" + wish + "\"") && data.contains("\"requesterId\":\"resident-rong\""),
                data);
    }

    @Test
    void aLinkToAnUnknownRequestOrOneOfAnotherCompoundIsA422AndLinksNothing() throws Exception {
        String compound = RenovationsDatabase.registerCompound();
        String other = RenovationsDatabase.registerCompound();
        String theirs = given().contentType(ContentType.JSON).header("Authorization", RenovationsDatabase.admin())
                .body(Map.of("compoundId", other, "text", "希望增设休闲亭")).post("/api/v1/renovations/requests")
                .then().statusCode(201).extract().path("id");
        String project = RenovationsDatabase.planProject(compound, "BASIC");
        long before = RenovationsDatabase.everything();
        for (String requestId : new String[] {"no-such-request", theirs}) {
            given().contentType(ContentType.JSON).header("Authorization", RenovationsDatabase.admin())
                    .body(Map.of("requestIds", List.of(requestId)))
                    .post("/api/v1/renovations/projects/" + project + "/requests")
                    .then().statusCode(422).body("errors.field", hasItem("requestIds"));
        }
        assertEquals(before, RenovationsDatabase.everything());
    }
}
