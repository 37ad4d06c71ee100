package org.shequ.foodinspections.privacy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

    /**
     * The operator asks to be forgotten: after the erasure not even those entitled read the name or phone anywhere
     * (answers, the export, the topic), while the inspections and the access log of earlier reads remain.
     */
    @Test
    void afterErasureTheOperatorsNameAndPhoneAreInNoAnswerExportOrTopicRecordAndTheInspectionsStay() throws Exception {
        String community = "双塔寺一社区-" + UUID.randomUUID().toString().substring(0, 6);
        String phone = "137" + String.valueOf(System.nanoTime()).substring(0, 8);
        String operator = "司马" + UUID.randomUUID().toString().substring(0, 2) + "兰";
        String provider = FoodFixtures.provider(community, "明德小饭桌", operator, phone);
        String inspection = FoodFixtures.inspect(provider, null, "LICENSES");
        given().header("Authorization", FoodFixtures.bearerIn("inspector", community))
                .get("/api/v1/food-safety/providers/" + provider).then().statusCode(200)
                .body("operatorName", equalTo(operator)); // read, and logged
        long logged = FoodFixtures.count("select count(*) from pii_access where provider_id = '" + provider + "'");
        long lastLogged = FoodFixtures.count("select max(id) from pii_access where provider_id = '" + provider + "'");
        org.junit.jupiter.api.Assertions.assertTrue(logged > 0);

        for (String role : new String[] {"inspector", "community-admin"}) {
            given().contentType("application/json").header("Authorization", FoodFixtures.bearerIn(role, community))
                    .body(Map.of("reason", "经营者书面申请删除个人信息"))
                    .post("/api/v1/food-safety/providers/" + provider + "/operator-erasure").then().statusCode(403);
        }
        given().contentType("application/json").header("Authorization", FoodFixtures.bearer("district-admin"))
                .body(Map.of("reason", "经营者书面申请删除个人信息"))
                .post("/api/v1/food-safety/providers/" + provider + "/operator-erasure").then().statusCode(200)
                .body("operatorName", equalTo("已删除")).body("phone", equalTo("已删除"));
        FoodFixtures.inspect(provider, inspection); // work goes on after the erasure, and its event is clean

        List<String> paths = List.of("/api/v1/food-safety/providers/" + provider,
                "/api/v1/food-safety/providers?community=" + community,
                "/api/v1/food-safety/public/providers?community=" + community,
                "/api/v1/food-safety/public/providers/" + provider + "/inspections",
                "/api/v1/food-safety/inspections?providerId=" + provider,
                "/api/v1/food-safety/inspections/" + inspection);
        for (String authorization : new String[] {FoodFixtures.bearer("district-admin"),
                FoodFixtures.bearerIn("inspector", community), null}) {
            for (String path : paths) {
                var request = given();
                if (authorization != null) {
                    request = request.header("Authorization", authorization);
                }
                assertClean(request.get(path).then().statusCode(200).extract().asString(), phone, operator,
                        authorization + " " + path);
            }
        }
        byte[] zip = given().get("/api/v1/food-safety/export/lives.zip").then().statusCode(200).extract().asByteArray();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                assertClean(new String(in.readAllBytes(), StandardCharsets.UTF_8), phone, operator, entry.getName());
            }
        }
        var records = TopicReader.read(TestInfra.get().kafkaBootstrap(), Topics.FOOD_INSPECTIONS,
                r -> new String(r.value(), StandardCharsets.UTF_8).contains(provider), 4,
                Duration.ofSeconds(3), Duration.ofSeconds(30));
        org.junit.jupiter.api.Assertions.assertTrue(records.stream().anyMatch(r -> new String(r.headers()
                .lastHeader("ce_type").value(), StandardCharsets.UTF_8).endsWith("operator-erased.v1")),
                "the erasure is published, for copies elsewhere");
        records.forEach(r -> assertClean(new String(r.value(), StandardCharsets.UTF_8), phone, operator, "event"));
        assertEquals(2, FoodFixtures.count("select count(*) from inspection where provider_id = '" + provider
                + "' and status = 'COMPLETED'"), "the inspections stay");
        assertEquals(logged, FoodFixtures.count("select count(*) from pii_access where provider_id = '" + provider
                + "' and id <= " + lastLogged), "the access log of earlier reads stays");
        assertEquals(0, FoodFixtures.count("select count(*) from provider where id = '" + provider
                + "' and (operator_name = '" + operator + "' or phone = '" + phone + "')"), "gone from the row");
    }

    private static void assertClean(String text, String phone, String operator, String where) {
        assertFalse(text.contains(phone), where + " shows the phone: " + text);
        assertFalse(text.contains(operator), where + " shows the operator: " + text);
        assertFalse(text.contains(operator.substring(1)), where + " shows part of the operator's name: " + text);
    }
}
