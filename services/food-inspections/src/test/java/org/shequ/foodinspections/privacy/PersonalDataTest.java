package org.shequ.foodinspections.privacy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.shequ.foodinspections.FoodFixtures;
import org.shequ.local.TopicReader;
import org.shequ.model.events.Topics;
import org.shequ.testing.ShequInfraResource;
import org.shequ.testing.TestInfra;

/**
 * The operator's name and phone appear nowhere without the right role: every endpoint, the export and every event on
 * the topic are scanned for them. With the inspector role they are shown, and the read is in the access log.
 */
@QuarkusTest
@QuarkusTestResource(ShequInfraResource.class)
class PersonalDataTest {

    @Test
    void noBodyExportOrEventShowsThePhoneOrTheOperatorWithoutTheRightRole() throws Exception {
        String community = "双塔寺一社区-" + UUID.randomUUID().toString().substring(0, 6);
        String phone = "139" + String.valueOf(System.nanoTime()).substring(0, 8);
        String operator = "欧阳" + UUID.randomUUID().toString().substring(0, 2) + "芳";
        String provider = FoodFixtures.provider(community, "阳光小饭桌", operator, phone);
        String inspection = FoodFixtures.inspect(provider, null, "SAMPLE_RETENTION");
        FoodFixtures.inspect(provider, inspection);
        given().contentType("application/json").header("Authorization", FoodFixtures.bearer("district-admin"))
                .body(Map.of("id", "insp-" + community, "community", community, "name", "赵敏"))
                .post("/api/v1/food-safety/inspectors").then().statusCode(201);
        String spotCheck = given().contentType("application/json")
                .header("Authorization", FoodFixtures.bearer("district-admin"))
                .body(Map.of("count", 1, "inspectorsPerCheck", 1, "community", community))
                .post("/api/v1/food-safety/spot-checks").then().statusCode(201).extract().path("id");
        given().contentType("application/json").header("Authorization", FoodFixtures.bearer("district-admin"))
                .body(Map.of("reason", "演示")).post("/api/v1/food-safety/spot-checks/" + spotCheck + "/discard")
                .then().statusCode(200); // revealed: its picks and verify are public, and still clean

        List<String> paths = List.of("/api/v1/food-safety/providers/" + provider,
                "/api/v1/food-safety/providers?community=" + community,
                "/api/v1/food-safety/public/providers?community=" + community,
                "/api/v1/food-safety/inspections?providerId=" + provider,
                "/api/v1/food-safety/inspections/" + inspection,
                "/api/v1/food-safety/spot-checks/" + spotCheck,
                "/api/v1/food-safety/spot-checks/" + spotCheck + "/verify");
        for (String role : new String[] {null, "resident", "grid-worker", "integration"}) {
            for (String path : paths) {
                var request = given();
                if (role != null) {
                    request = request.header("Authorization", FoodFixtures.bearer(role));
                }
                String body = request.get(path).then().statusCode(200).extract().asString();
                assertClean(body, phone, operator, role + " " + path);
            }
        }
        given().get("/api/v1/food-safety/providers/" + provider).then()
                .body("phone", equalTo(phone.substring(0, 3) + "****" + phone.substring(7)))
                .body("operatorName", equalTo("欧" + "*".repeat(operator.length() - 1)));

        byte[] zip = given().get("/api/v1/food-safety/export/lives.zip").then().statusCode(200).extract().asByteArray();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                assertClean(new String(in.readAllBytes(), StandardCharsets.UTF_8), phone, operator, entry.getName());
            }
        }
        List<String> events = new ArrayList<>();
        // Everything on the topic: read until three quiet seconds after the last record.
        TopicReader.read(TestInfra.get().kafkaBootstrap(), Topics.FOOD_INSPECTIONS, r -> true, 1,
                Duration.ofSeconds(3), Duration.ofSeconds(20)).forEach(r -> {
                    StringBuilder text = new StringBuilder(new String(r.value(), StandardCharsets.UTF_8));
                    r.headers().forEach(h -> text.append(new String(h.value(), StandardCharsets.UTF_8)));
                    events.add(text.toString());
                });
        assertTrue(events.stream().anyMatch(e -> e.contains(provider)), "the provider's events are on the topic");
        events.forEach(e -> assertClean(e, phone, operator, "event"));
    }

    @Test
    void anInspectorSeesThemAndTheReadIsInTheAccessLog() {
        String phone = "137" + String.valueOf(System.nanoTime()).substring(0, 8);
        String provider = FoodFixtures.provider(FoodFixtures.COMMUNITY, "向日葵小饭桌", "李红", phone);
        String requestId = "read-" + UUID.randomUUID();
        given().header("Authorization", "Bearer " + TestInfra.get().token("inspector", "insp-wang", FoodFixtures.COMMUNITY))
                .header("X-Request-Id", requestId)
                .get("/api/v1/food-safety/providers/" + provider)
                .then().statusCode(200).body("phone", equalTo(phone)).body("operatorName", equalTo("李红"));
        given().header("Authorization", FoodFixtures.bearer("district-admin"))
                .get("/api/v1/food-safety/access-log?providerId=" + provider)
                .then().statusCode(200)
                .body("items.find { it.requestId == '" + requestId + "' }.actor", equalTo("insp-wang"))
                .body("items.find { it.requestId == '" + requestId + "' }.purpose", equalTo("read"));
        given().header("Authorization", FoodFixtures.bearer("inspector"))
                .get("/api/v1/food-safety/access-log").then().statusCode(403);
        given().get("/api/v1/food-safety/providers/" + provider).then().statusCode(200);
        // An inspector of another community sees what the public sees, and is not logged as having seen more.
        given().header("Authorization", "Bearer " + TestInfra.get().token("inspector", "insp-elsewhere", "桥东社区"))
                .get("/api/v1/food-safety/providers/" + provider)
                .then().statusCode(200).body("phone", equalTo(phone.substring(0, 3) + "****" + phone.substring(7)));
        given().header("Authorization", FoodFixtures.bearer("district-admin"))
                .get("/api/v1/food-safety/access-log?providerId=" + provider)
                .then().body("items.size()", greaterThan(0))
                .body("items.findAll { it.actor == 'anonymous' }.size()", equalTo(0))
                .body("items.findAll { it.actor == 'insp-elsewhere' }.size()", equalTo(0));
    }

    private static void assertClean(String text, String phone, String operator, String where) {
        assertFalse(text.contains(phone), where + " shows the phone: " + text);
        assertFalse(text.contains(operator), where + " shows the operator: " + text);
        assertFalse(text.contains(operator.substring(1)), where + " shows part of the operator's name: " + text);
    }
}
