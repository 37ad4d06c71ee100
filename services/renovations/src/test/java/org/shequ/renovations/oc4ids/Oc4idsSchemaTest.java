package org.shequ.renovations.oc4ids;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shequ.renovations.RenovationsDatabase;
import org.shequ.testing.ShequInfraResource;

/**
 * The OC4IDS output validates against the standard's own JSON Schemas (0.9.5, vendored unchanged), formats included:
 * a planned project, a completed one with milestones and variance, and the package of all projects.
 */
@QuarkusTest
@QuarkusTestResource(ShequInfraResource.class)
class Oc4idsSchemaTest {

    private static final String PROJECT_SCHEMA =
            "https://standard.open-contracting.org/infrastructure/schema/0__9__5/project-schema.json";
    private static final String PACKAGE_SCHEMA =
            "https://standard.open-contracting.org/infrastructure/schema/0__9__5/project-package-schema.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void plannedAndCompletedProjectsAndThePackageAreValidOc4ids() throws Exception {
        String compound = RenovationsDatabase.registerCompound();
        String planned = RenovationsDatabase.planProject(compound, "BASIC");
        String completed = RenovationsDatabase.planProject(compound, "IMPROVEMENT");
        String milestone = given().contentType(ContentType.JSON).header("Authorization", RenovationsDatabase.admin())
                .body(Map.of("title", "铺设塑胶面层", "dueDate", "2024-11-10"))
                .post("/api/v1/renovations/projects/" + completed + "/milestones").then().statusCode(200)
                .extract().path("milestones[0].id");
        given().contentType(ContentType.JSON).header("Authorization", RenovationsDatabase.admin())
                .body(Map.of("title", "竣工验收", "dueDate", "2024-11-30"))
                .post("/api/v1/renovations/projects/" + completed + "/milestones").then().statusCode(200);
        given().contentType(ContentType.JSON).header("Authorization", RenovationsDatabase.admin())
                .body(Map.of("metDate", "2024-11-12"))
                .post("/api/v1/renovations/projects/" + completed + "/milestones/" + milestone + "/meet")
                .then().statusCode(200).body("physicalProgress", equalTo(50));
        RenovationsDatabase.act(completed, "approve").then().statusCode(200);
        RenovationsDatabase.act(completed, "start").then().statusCode(200);
        given().contentType(ContentType.JSON).header("Authorization", RenovationsDatabase.admin())
                .body(Map.of("actualEnd", "2024-12-05", "actualCostCny", 320000, "varianceReason", "雨季停工两周，追加排水"))
                .post("/api/v1/renovations/projects/" + completed + "/complete").then().statusCode(200)
                .body("variance.daysLate", equalTo(5)).body("variance.overBudgetCny", equalTo(20000.0f));

        Schema project = registry().getSchema(SchemaLocation.of(PROJECT_SCHEMA));
        JsonNode plannedJson = get("/api/v1/renovations/projects/" + planned + "/oc4ids");
        assertValid(project, plannedJson);
        assertEquals("identification", plannedJson.path("status").asText());
        JsonNode completedJson = get("/api/v1/renovations/projects/" + completed + "/oc4ids");
        assertValid(project, completedJson);
        assertEquals("completion", completedJson.path("status").asText());
        assertEquals("雨季停工两周，追加排水", completedJson.path("completion").path("endDateDetails").asText());
        assertEquals(320000, completedJson.path("completion").path("finalValue").path("amount").asInt());
        assertEquals("met", completedJson.path("milestones").path(0).path("status").asText());
        assertEquals(50, completedJson.path("metrics").path(0).path("observations").path(0).path("measure").asInt());

        assertValid(registry().getSchema(SchemaLocation.of(PACKAGE_SCHEMA)), get("/api/v1/renovations/export/oc4ids"));

        // The check has teeth: a status off the codelist and a date without seconds are refused.
        com.fasterxml.jackson.databind.node.ObjectNode broken = completedJson.deepCopy();
        broken.put("status", "finished");
        broken.putObject("period").put("startDate", "2024-09-01T00:00+08:00");
        assertEquals(2, project.validate(broken).size(), project.validate(broken).toString());
    }

    private static void assertValid(Schema schema, JsonNode document) {
        List<Error> errors = schema.validate(document);
        assertEquals(List.of(), errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList(),
                document.toPrettyString());
    }

    private static JsonNode get(String path) throws IOException {
        return JSON.readTree(given().get(path).then().statusCode(200).extract().asString());
    }

    /** The two vendored schemas under their own ids; nothing is fetched from the network. */
    private static SchemaRegistry registry() throws IOException {
        Map<String, String> schemas = Map.of(PROJECT_SCHEMA, resource("oc4ids-0.9.5-project-schema.json"),
                PACKAGE_SCHEMA, resource("oc4ids-0.9.5-project-package-schema.json"));
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4, builder -> builder
                .schemas(schemas)
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = Oc4idsSchemaTest.class.getResourceAsStream("/standards/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
