package org.shequ.foodinspections.export;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.shequ.foodinspections.FoodFixtures;
import org.shequ.testing.ShequInfraResource;

/** The LIVES zip parses as CSV with the LIVES headers and says what the API says, row for row. */
@QuarkusTest
@QuarkusTestResource(ShequInfraResource.class)
class LivesExportTest {

    @Test
    void theExportAgreesWithTheApiRowForRow() throws Exception {
        String provider = FoodFixtures.provider();
        FoodFixtures.inspect(provider, null, "SAMPLE_RETENTION", "LICENSES");
        FoodFixtures.inspect(provider, null);

        Map<String, List<List<String>>> files = unzip(given().get("/api/v1/food-safety/export/lives.zip").then()
                .statusCode(200).contentType("application/zip").extract().asByteArray());
        assertEquals(LivesExport.BUSINESSES, files.get("businesses.csv").get(0));
        assertEquals(LivesExport.INSPECTIONS, files.get("inspections.csv").get(0));
        assertEquals(LivesExport.VIOLATIONS, files.get("violations.csv").get(0));
        assertEquals(LivesExport.FEED_INFO, files.get("feed_info.csv").get(0));
        assertEquals(LivesExport.LEGEND, files.get("legend.csv").get(0));

        JsonPath api = given().get("/api/v1/food-safety/inspections?limit=200").then().statusCode(200).extract().jsonPath();
        List<List<String>> rows = files.get("inspections.csv").subList(1, files.get("inspections.csv").size());
        List<Map<String, Object>> items = api.getList("items");
        assertTrue(items.size() < 200, "the test data fits one page");
        assertEquals(items.size(), rows.size());
        List<List<String>> legend = files.get("legend.csv").subList(1, 4);
        int violations = 0;
        for (int i = 0; i < items.size(); i++) {
            Map<String, Object> item = items.get(i);
            List<String> row = rows.get(i);
            assertEquals(item.get("providerId"), row.get(0));
            assertEquals(((String) item.get("inspectedAt")).substring(0, 10).replace("-", ""), row.get(2));
            int score = Integer.parseInt(row.get(1));
            String band = legend.stream().filter(l -> Integer.parseInt(l.get(0)) <= score
                    && score <= Integer.parseInt(l.get(1))).findFirst().orElseThrow().get(2);
            assertTrue(band.contains("(" + item.get("outcome") + ")"), band + " for " + item);
            violations += ((List<?>) item.get("failedItems")).size();
        }
        assertEquals(violations, files.get("violations.csv").size() - 1);
        assertTrue(files.get("violations.csv").stream().anyMatch(v -> v.get(0).equals(provider)
                && v.get(2).equals("SAMPLE_RETENTION") && v.get(3).startsWith("食品留样")));
        assertTrue(files.get("businesses.csv").stream().anyMatch(b -> b.get(0).equals(provider)
                && b.get(8).equals("138****1234")));
    }

    private static Map<String, List<List<String>>> unzip(byte[] zip) throws Exception {
        Map<String, List<List<String>>> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
        return files;
    }

    /** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks. */
    static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        assertTrue(field.length() == 0 && row.isEmpty() && !quoted, "every line ends with CRLF");
        return rows;
    }
}
