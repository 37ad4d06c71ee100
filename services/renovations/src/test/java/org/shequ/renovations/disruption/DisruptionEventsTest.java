package org.shequ.renovations.disruption;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
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

/** A disruption and its change and cancellation go out as events, in order, naming the compound and its roads. */
@QuarkusTest
@QuarkusTestResource(ShequInfraResource.class)
class DisruptionEventsTest {

    @Test
    void announcedChangedAndCancelledDisruptionsAreOnTheTopicInOrder() {
        String compound = RenovationsDatabase.registerCompound();
        String project = RenovationsDatabase.planProject(compound, "IMPROVEMENT");
        String path = "/api/v1/renovations/projects/" + project + "/disruptions";
        String id = given().contentType(ContentType.JSON).header("Authorization", RenovationsDatabase.admin())
                .body(body("2024-10-08T08:00:00+08:00", "2024-10-20T18:00:00+08:00"))
                .post(path).then().statusCode(201)
                .body("revision", equalTo(1)).body("areas.road", hasItem("西铭路"))
                .extract().path("id");
        String etag = given().get(path + "/" + id).then().statusCode(200).extract().header("ETag");
        given().contentType(ContentType.JSON).header("Authorization", RenovationsDatabase.admin())
                .header("If-Match", etag).body(body("2024-10-08T08:00:00+08:00", "2024-10-22T18:00:00+08:00"))
                .put(path + "/" + id).then().statusCode(200).body("revision", equalTo(2));
        given().contentType(ContentType.JSON).header("Authorization", RenovationsDatabase.admin())
                .body(Map.of("reason", "改为夜间施工")).post(path + "/" + id + "/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED")).body("revision", equalTo(3));

        var records = TopicReader.read(TestInfra.get().kafkaBootstrap(), Topics.RENOVATIONS,
                r -> project.equals(r.key()) && KafkaBinding.header(r.headers(), KafkaBinding.CE_TYPE).contains("disruption"),
                3, Duration.ofSeconds(2), Duration.ofSeconds(20));
        assertEquals(List.of("shequ.renovations.project.disruption-announced.v1",
                        "shequ.renovations.project.disruption-changed.v1",
                        "shequ.renovations.project.disruption-cancelled.v1"),
                records.stream().map(r -> KafkaBinding.header(r.headers(), KafkaBinding.CE_TYPE)).toList());
        String announced = new String(records.get(0).value(), StandardCharsets.UTF_8);
        assertTrue(announced.contains("\"road\":\"西铭路\"") && announced.contains("\"compound\":\"西铭路47号院-")
                && announced.contains("\"kind\":\"NOISE\""), announced);
    }

    @Test
    void aDisruptionOutsideTheProjectsDatesIsA422AndAFinishedProjectDisturbsNobody() throws Exception {
        String compound = RenovationsDatabase.registerCompound();
        String project = RenovationsDatabase.planProject(compound, "BASIC");
        String path = "/api/v1/renovations/projects/" + project + "/disruptions";
        long before = RenovationsDatabase.everything();
        given().contentType(ContentType.JSON).header("Authorization", RenovationsDatabase.admin())
                .body(body("2024-08-20T08:00:00+08:00", "2024-09-05T18:00:00+08:00")).post(path)
                .then().statusCode(422).body("errors.field", hasItem("startsAt"));
        given().contentType(ContentType.JSON).header("Authorization", RenovationsDatabase.admin())
                .body(body("2024-11-25T08:00:00+08:00", "2024-12-05T18:00:00+08:00")).post(path)
                .then().statusCode(422).body("errors.field", hasItem("endsAt"));
        assertEquals(before, RenovationsDatabase.everything());
        RenovationsDatabase.act(project, "cancel").then().statusCode(200);
        given().contentType(ContentType.JSON).header("Authorization", RenovationsDatabase.admin())
                .body(body("2024-10-08T08:00:00+08:00", "2024-10-20T18:00:00+08:00")).post(path)
                .then().statusCode(409);
    }

    private static Map<String, Object> body(String startsAt, String endsAt) {
        return Map.of("kind", "NOISE", "startsAt", startsAt, "endsAt", endsAt, "description", "广场翻修，白天有切割噪音",
                "areas", List.of(Map.of("road", "西铭路", "side", "路北")));
    }
}
