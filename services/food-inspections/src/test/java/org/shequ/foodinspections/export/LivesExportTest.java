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
                && b.get(8).isEmpty()), "no business phone given: none shown, and never the operator's own");
        assertTrue(files.values().stream().flatMap(List::stream).flatMap(List::stream)
                .noneMatch(cell -> cell.contains("13812341234") || cell.contains("138****1234")));
    }

    /** A provider named like a formula, as a hostile ledger entry would be: the export shows it, never runs it. */
    @Test
    void aCellThatASpreadsheetWouldRunIsEscapedAndEveryFileOpensAsUtf8InExcel() throws Exception {
        String formula = FoodFixtures.provider(FoodFixtures.COMMUNITY, "=1+1", "王芳", "13812341234");
        String minus = FoodFixtures.provider(FoodFixtures.COMMUNITY, "-2+3小饭桌", "王芳", "13812341234");
        String at = FoodFixtures.provider(FoodFixtures.COMMUNITY, "@SUM(A1)", "王芳", "13812341234");
        byte[] zip = given().get("/api/v1/food-safety/export/lives.zip").then().statusCode(200).extract().asByteArray();
        Map<String, byte[]> raw = entries(zip);
        for (Map.Entry<String, byte[]> file : raw.entrySet()) {
            byte[] bytes = file.getValue();
            assertTrue(bytes.length > 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF,
                    file.getKey() + " starts with the UTF-8 byte order mark");
        }
        List<List<String>> businesses = unzip(zip).get("businesses.csv");
        assertEquals("'=1+1", name(businesses, formula));
        assertEquals("'-2+3小饭桌", name(businesses, minus));
        assertEquals("'@SUM(A1)", name(businesses, at));
        given().get("/api/v1/food-safety/providers/" + formula).then().statusCode(200)
                .body("name", org.hamcrest.Matchers.equalTo("=1+1")); // the ledger keeps what was entered
    }

    private static String name(List<List<String>> businesses, String id) {
        return businesses.stream().filter(b -> b.get(0).equals(id)).findFirst().orElseThrow().get(1);
    }

    private static Map<String, byte[]> entries(byte[] zip) throws Exception {
        Map<String, byte[]> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    private static Map<String, List<List<String>>> unzip(byte[] zip) throws Exception {
        Map<String, List<List<String>>> files = new HashMap<>();
        for (Map.Entry<String, byte[]> file : entries(zip).entrySet()) {
            files.put(file.getKey(), parse(file.getValue()));
        }
        return files;
    }

    /** Read back by Jackson's CSV codec (RFC 4180), the byte order mark skipped as a reader of the file would. */
    static List<List<String>> parse(byte[] csv) throws Exception {
        String text = new String(csv, StandardCharsets.UTF_8);
        assertTrue(text.endsWith("\r\n"), "every line ends with CRLF");
        List<List<String>> rows = new ArrayList<>();
        try (var lines = new com.fasterxml.jackson.dataformat.csv.CsvMapper()
                .enable(com.fasterxml.jackson.dataformat.csv.CsvParser.Feature.WRAP_AS_ARRAY)
                .readerFor(String[].class).<String[]>readValues(text.substring(1))) {
            while (lines.hasNextValue()) {
                rows.add(List.of(lines.nextValue()));
            }
        }
        return rows;
    }
}
