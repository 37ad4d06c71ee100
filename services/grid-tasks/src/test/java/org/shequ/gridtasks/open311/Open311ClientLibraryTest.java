package org.shequ.gridtasks.open311;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.shequ.gridtasks.GridDatabase;
import org.shequ.testing.ShequInfraResource;

/**
 * A real 311 client library against the service: Code for America's node-open311 (npm {@code open311} 0.0.12, the
 * build installs it into {@code target/open311-client}), driven by {@code round-trip.js} as an app would use it. Its
 * XML dependencies are stood in for (see that directory's package.json); the client's own code runs unchanged.
 */
@QuarkusTest
@QuarkusTestResource(ShequInfraResource.class)
class Open311ClientLibraryTest {

    private static final Path CLIENT = Path.of("target", "open311-client");

    @TestHTTPResource("/")
    URL base;

    @Test
    void theCodeForAmericaClientDiscoversReportsWithItsApiKeyAndReadsTheReportBack() throws Exception {
        String covering = given().header("Authorization", GridDatabase.bearer("district-admin"))
                .contentType("application/json")
                .body(Map.of("community", GridDatabase.COMMUNITY, "name", "西铭路网格", "compounds",
                        List.of("西铭路47号院")))
                .post("/api/v1/grid/grids").then().statusCode(201).extract().path("id");

        JsonNode seen = roundTrip("test-open311-key", "CLUTTER_CLEARANCE", "迎泽区西铭路47号院3号楼");

        assertTrue(seen.path("endpoint").asText().endsWith("/open311/v2/"), seen.toString());
        assertEquals("json", seen.path("format").asText());
        assertTrue(texts(seen.path("serviceCodes")).contains("CLUTTER_CLEARANCE"), seen.toString());
        assertTrue(texts(seen.path("attributeCodes")).contains("grid"), seen.toString());
        String id = seen.path("receipt").path("service_request_id").asText();
        JsonNode request = seen.path("request");
        assertEquals(id, request.path("service_request_id").asText());
        assertEquals("open", request.path("status").asText());
        assertEquals("6号楼楼道堆满纸箱，挡住了消防通道", request.path("description").asText(), "the form's UTF-8 kept");
        assertEquals(GridDatabase.COMMUNITY + " 西铭路网格", request.path("agency_responsible").asText());
        assertEquals(37.857014, request.path("lat").asDouble(), 1e-9);
        assertEquals(112.583371, request.path("long").asDouble(), 1e-9);
        assertEquals("https://photos.example.cn/reports/6-stairwell.jpg", request.path("media_url").asText());
        given().header("Authorization", GridDatabase.bearer("district-admin")).get("/api/v1/grid/tasks/" + id)
                .then().statusCode(200).body("gridId", org.hamcrest.Matchers.equalTo(covering))
                .body("mediaUrl", org.hamcrest.Matchers.equalTo("https://photos.example.cn/reports/6-stairwell.jpg"));
        assertEquals(1, GridDatabase.count("select count(*) from task_transition where task_id = '" + id
                + "' and actor = 'open311:city-app'"), "filed by the client its api_key names");
    }

    @Test
    void theClientIsToldInOpen311sErrorFormatWhenItsApiKeyIsNotOneTheDistrictIssued() throws Exception {
        long before = GridDatabase.count("select count(*) from task");
        JsonNode seen = roundTrip("not-our-key", "CLUTTER_CLEARANCE", "迎泽区西铭路47号院3号楼");
        assertEquals("submit", seen.path("failed").asText(), seen.toString());
        assertEquals("401", seen.path("error").asText());
        assertTrue(seen.path("body").asText().contains("\"code\":401"), seen.toString());
        assertEquals(before, GridDatabase.count("select count(*) from task"));
    }

    private JsonNode roundTrip(String apiKey, String serviceCode, String address) throws IOException,
            InterruptedException {
        assertTrue(Files.isDirectory(CLIENT.resolve("node_modules/open311")),
                "the build installs node-open311 into " + CLIENT + " (npm ci, process-test-resources)");
        String baseUrl = base.toString().replaceAll("/$", "");
        Process node = new ProcessBuilder("node", "round-trip.js", baseUrl, apiKey, serviceCode, address)
                .directory(CLIENT.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            byte[] out = node.getInputStream().readAllBytes();
            assertTrue(node.waitFor(60, TimeUnit.SECONDS), "node-open311 finished within 60 s");
            String lastLine = new String(out, StandardCharsets.UTF_8).strip().lines()
                    .reduce((first, second) -> second).orElse("{}");
            return new ObjectMapper().readTree(lastLine);
        } finally {
            node.destroyForcibly();
        }
    }

    private static List<String> texts(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
