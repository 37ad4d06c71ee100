package org.shequ.foodinspections.spotcheck;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.shequ.foodinspections.FoodFixtures;
import org.shequ.testing.ShequInfraResource;
import org.shequ.testing.TestInfra;

/**
 * Draws nobody can steer (双随机一公开): the service picks the seed and publishes its commitment; picks stay sealed
 * from the public until the checks are recorded, by the inspectors drawn; then anyone can verify seed, hash and
 * picks; every draw stays listed, discarded ones included.
 */
@QuarkusTest
@QuarkusTestResource(ShequInfraResource.class)
class SpotCheckTest {

    @Test
    void aDrawIsSealedUntilItsChecksAreRecordedThenAnyoneCanVerifyItsCommittedSeed() {
        String community = rosterOf(5);
        JsonPath drawn = draw(community).then().statusCode(201)
                .body("algorithmVersion", equalTo("sha256-fisher-yates-v1"))
                .body("seedCommitment", matchesPattern("[0-9a-f]{64}"))
                .body("picks", hasSize(2))
                .body("picks[0].inspectorIds", hasSize(2))
                .body("picks[0].inspectionStatus", equalTo("SCHEDULED"))
                .extract().jsonPath();
        String id = drawn.getString("id");
        String spotCheck = "/api/v1/food-safety/spot-checks/" + id;

        // Sealed: the public and the providers see the commitment and the roster, not the seed or the picks.
        given().get(spotCheck).then().statusCode(200)
                .body("revealed", equalTo(false)).body("seed", nullValue()).body("seedSalt", nullValue())
                .body("picks", hasSize(0)).body("seedCommitment", equalTo(drawn.getString("seedCommitment")));
        given().get(spotCheck + "/verify").then().statusCode(409);
        given().header("Authorization", FoodFixtures.bearerIn("inspector", "桥东社区")).get(spotCheck)
                .then().body("picks", hasSize(0));
        given().get("/api/v1/food-safety/inspections/" + drawn.getString("picks[0].inspectionId"))
                .then().statusCode(404);

        for (int pick = 0; pick < 2; pick++) {
            record(drawn, pick, drawn.getList("picks[" + pick + "].inspectorIds"), null).then().statusCode(201)
                    .body("status", equalTo("COMPLETED")).body("spotCheckId", equalTo(id));
        }

        // Revealed: seed and salt hash to the commitment published at the draw, and re-run to the same picks.
        JsonPath revealed = given().get(spotCheck).then().statusCode(200).body("revealed", equalTo(true))
                .body("seed", notNullValue()).body("picks", hasSize(2)).extract().jsonPath();
        assertEquals(drawn.getString("seedCommitment"),
                SeedCommitment.of(revealed.getLong("seed"), revealed.getString("seedSalt")));
        given().get(spotCheck + "/verify").then().statusCode(200)
                .body("matches", equalTo(true)).body("commitmentMatches", equalTo(true))
                .body("recomputedCommitment", equalTo(drawn.getString("seedCommitment")))
                .body("rosterCurrent", equalTo(false)); // the picked providers have a last inspection now
    }

    @Test
    void aSeedChosenByTheCallerIsRefusedAndNothingIsDrawn() throws Exception {
        String community = rosterOf(3);
        long before = FoodFixtures.count("select count(*) from spot_check");
        Map<String, Object> body = new HashMap<>(Map.of("count", 2, "inspectorsPerCheck", 1, "community", community,
                "seed", 20241125L));
        given().contentType(ContentType.JSON).header("Authorization", FoodFixtures.bearer("district-admin"))
                .body(body).post("/api/v1/food-safety/spot-checks")
                .then().statusCode(400).body("errors.field", hasItem("seed"));
        assertEquals(before, FoodFixtures.count("select count(*) from spot_check"));
    }

    @Test
    void aDrawnCheckIsRecordedOnlyByTheDrawnInspectorsOrWithAReasonForASubstitute() {
        String community = rosterOf(3);
        JsonPath drawn = draw(community).then().statusCode(201).extract().jsonPath();
        List<String> drawnInspectors = drawn.getList("picks[0].inspectorIds");
        List<String> others = List.of(drawnInspectors.get(0), "insp-substitute-" + community);

        record(drawn, 0, others, null).then().statusCode(403).body("type", equalTo("urn:shequ:problem:out-of-scope"));
        given().header("Authorization", FoodFixtures.bearer("district-admin"))
                .get("/api/v1/food-safety/inspections/" + drawn.getString("picks[0].inspectionId"))
                .then().body("status", equalTo("SCHEDULED"));

        record(drawn, 0, others, "赵检查员病假，由他人替代").then().statusCode(201).body("status", equalTo("COMPLETED"));
    }

    @Test
    void everyDrawIsListedWithWhoMadeItAndADiscardedOneSaysWhy() {
        String community = rosterOf(4);
        String kept = draw(community).then().statusCode(201).extract().path("id");
        String discarded = draw(community).then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).header("Authorization", FoodFixtures.bearerIn("community-admin", community))
                .body(Map.of("reason", "花名册有误")).post("/api/v1/food-safety/spot-checks/" + discarded + "/discard")
                .then().statusCode(200).body("revealed", equalTo(true)).body("discardReason", equalTo("花名册有误"))
                .body("picks[0].inspectionStatus", equalTo("CANCELLED"));

        given().queryParam("community", community).get("/api/v1/food-safety/spot-checks").then().statusCode(200)
                .body("items.id", hasItems(kept, discarded)).body("items", hasSize(2))
                .body("items.find { it.id == '" + discarded + "' }.discardedBy", equalTo("test-community-admin"))
                .body("items.find { it.id == '" + kept + "' }.drawnBy", equalTo("test-district-admin"))
                .body("items.find { it.id == '" + kept + "' }.picks", hasSize(0));
        given().get("/api/v1/food-safety/spot-checks/" + discarded + "/verify").then().statusCode(200)
                .body("matches", equalTo(true));
    }

    @Test
    void anAdminOfAnotherCommunityCannotDrawThere() throws Exception {
        String community = rosterOf(3);
        long before = FoodFixtures.count("select count(*) from spot_check");
        given().contentType(ContentType.JSON).header("Authorization", FoodFixtures.bearerIn("community-admin", "桥东社区"))
                .body(Map.of("count", 1, "inspectorsPerCheck", 1, "community", community))
                .post("/api/v1/food-safety/spot-checks")
                .then().statusCode(403).body("type", equalTo("urn:shequ:problem:out-of-scope"));
        assertEquals(before, FoodFixtures.count("select count(*) from spot_check"));
    }

    @Test
    void theNextDrawSendsOtherInspectorsThanTheLastOnes() {
        String community = rosterOf(3);
        JsonPath first = draw(community).then().statusCode(201).extract().jsonPath();
        String provider = first.getString("picks[0].providerId");
        List<String> last = first.getList("picks[0].inspectorIds");
        record(first, 0, last, null).then().statusCode(201);
        for (int i = 0; i < 10; i++) {
            JsonPath next = draw(community).then().statusCode(201).extract().jsonPath();
            for (int p = 0; p < 2; p++) {
                if (next.getString("picks[" + p + "].providerId").equals(provider)) {
                    List<String> sent = next.getList("picks[" + p + "].inspectorIds");
                    assertTrue(sent.stream().noneMatch(last::contains), sent + " " + last);
                }
            }
        }
    }

    @Test
    void aDrawTheRosterCannotGiveIsA422NamingTheField() {
        String community = "空社区-" + UUID.randomUUID().toString().substring(0, 6);
        FoodFixtures.provider(community, "孤单小饭桌", "王芳", "13812341234");
        draw(community).then().statusCode(422).body("errors.field", hasItem("count"));
    }

    /** A community of its own with this many providers and four inspectors. */
    private static String rosterOf(int providers) {
        String community = "双塔寺一社区-" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < providers; i++) {
            FoodFixtures.provider(community, "小饭桌" + i, "王芳", "13812341234");
        }
        for (String inspector : List.of("zhao", "qian", "sun", "li")) {
            given().contentType(ContentType.JSON).header("Authorization", FoodFixtures.bearerIn("community-admin", community))
                    .body(Map.of("id", "insp-" + inspector + "-" + community, "community", community, "name", "检查员"))
                    .post("/api/v1/food-safety/inspectors").then().statusCode(201);
        }
        return community;
    }

    private static io.restassured.response.Response draw(String community) {
        return given().contentType(ContentType.JSON).header("Authorization", FoodFixtures.bearer("district-admin"))
                .body(Map.of("count", 2, "inspectorsPerCheck", 2, "community", community))
                .post("/api/v1/food-safety/spot-checks");
    }

    /** Records pick {@code pick} of a draw as done by these inspectors, as the first of them. */
    private static io.restassured.response.Response record(JsonPath drawn, int pick, List<String> inspectors,
                                                           String substituteReason) {
        Map<String, Object> body = new HashMap<>(Map.of("type", "SPOT_CHECK",
                "inspectedAt", "2024-11-26T15:00:00+08:00", "inspectors", inspectors,
                "checklist", FoodFixtures.checklist(),
                "scheduledInspectionId", drawn.getString("picks[" + pick + "].inspectionId")));
        if (substituteReason != null) {
            body.put("substituteReason", substituteReason);
        }
        String community = drawn.getString("community");
        return given().contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + TestInfra.get().token("inspector", inspectors.get(0), community))
                .body(body).post("/api/v1/food-safety/providers/" + drawn.getString("picks[" + pick + "].providerId")
                        + "/inspections");
    }
}
