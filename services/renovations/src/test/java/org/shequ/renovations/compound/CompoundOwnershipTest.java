package org.shequ.renovations.compound;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.shequ.renovations.RenovationsDatabase.everything;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.shequ.renovations.RenovationsDatabase;
import org.shequ.testing.ShequInfraResource;
import org.shequ.testing.TestInfra;

/**
 * A community admin moves only their community's renovations (docs/ROLES.md, "Renovations: whose objects"); every
 * refusal is a 403 out-of-scope that writes nothing.
 */
@QuarkusTest
@QuarkusTestResource(ShequInfraResource.class)
class CompoundOwnershipTest {

    private static final String KANGLEYUAN = "康乐苑社区";

    @Test
    void anAdminOfAnotherCommunityCannotMoveAProjectOrAnnounceADisruption() throws Exception {
        String project = RenovationsDatabase.planProject(RenovationsDatabase.registerCompound("迎泽区", "庙前街道", 120,
                "8000.5"), "BASIC");
        String outsider = admin("桥东社区");
        long before = everything();

        for (String action : new String[] {"approve", "cancel"}) {
            given().contentType(ContentType.JSON).header("Authorization", outsider)
                    .body(action.equals("cancel") ? Map.of("reason", "越权") : Map.of())
                    .post("/api/v1/renovations/projects/" + project + "/" + action)
                    .then().statusCode(403).body("type", equalTo("urn:shequ:problem:out-of-scope"));
        }
        given().contentType(ContentType.JSON).header("Authorization", outsider)
                .body(Map.of("kind", "ROAD_CLOSURE", "startsAt", "2024-09-02T08:00:00+08:00",
                        "endsAt", "2024-09-03T18:00:00+08:00", "description", "施工占道"))
                .post("/api/v1/renovations/projects/" + project + "/disruptions")
                .then().statusCode(403).body("type", equalTo("urn:shequ:problem:out-of-scope"));
        assertEquals(before, everything(), "a refusal writes nothing");

        given().contentType(ContentType.JSON).header("Authorization", admin(KANGLEYUAN)).body(Map.of())
                .post("/api/v1/renovations/projects/" + project + "/approve")
                .then().statusCode(200).body("status", equalTo("APPROVED"));
    }

    @Test
    void anAdminOfAnotherCommunityCannotPlanAProjectOnItsCompound() throws Exception {
        String compound = RenovationsDatabase.registerCompound("迎泽区", "庙前街道", 80, "5000");
        long before = everything();

        given().contentType(ContentType.JSON).header("Authorization", admin("桥东社区"))
                .body(Map.of("compoundId", compound, "title", "屋面防水改造", "category", "BASIC"))
                .post("/api/v1/renovations/projects")
                .then().statusCode(403).body("type", equalTo("urn:shequ:problem:out-of-scope"));
        assertEquals(before, everything());
    }

    @Test
    void aCommunityAdminRegistersCompoundsInTheirOwnCommunityOnly() throws Exception {
        long before = everything();
        given().contentType(ContentType.JSON).header("Authorization", admin("桥东社区"))
                .body(compound(KANGLEYUAN)).post("/api/v1/renovations/compounds")
                .then().statusCode(403).body("type", equalTo("urn:shequ:problem:out-of-scope"));
        assertEquals(before, everything());

        Map<String, Object> unnamed = compound(null);
        given().contentType(ContentType.JSON).header("Authorization", admin("桥东社区")).body(unnamed)
                .post("/api/v1/renovations/compounds").then().statusCode(201).body("community", equalTo("桥东社区"));
    }

    private static Map<String, Object> compound(String community) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", "小区-" + UUID.randomUUID().toString()
                .substring(0, 8), "district", "迎泽区", "address", "迎泽区桥东街1号", "households", 60));
        if (community != null) {
            body.put("community", community);
        }
        return body;
    }

    private static String admin(String community) {
        return "Bearer " + TestInfra.get().token("community-admin", "admin-" + community, community);
    }
}
