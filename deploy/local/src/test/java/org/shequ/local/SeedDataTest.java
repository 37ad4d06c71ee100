package org.shequ.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The seed's notices say what the newspaper page printed, word for word. */
class SeedDataTest {

    /** The newspaper page, vendored unchanged from shared/seeds so the build does not depend on that folder. */
    private static final String PAGE = "/000_0dc1201e0cc6b76f.txt";

    @Test
    void bothWaterOutagesAreAsPrinted() throws Exception {
        String page;
        try (var in = SeedDataTest.class.getResourceAsStream(PAGE)) {
            page = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        List<JsonNode> notices = Seed.notices();
        assertEquals(2, notices.size());
        for (JsonNode notice : notices) {
            assertEquals("WATER_OUTAGE", notice.path("kind").asText());
            assertTrue(page.contains("## " + notice.path("title").asText()), "title");
            assertTrue(page.contains(notice.path("issuer").asText()), "issuer");
            assertTrue(page.contains(notice.path("reason").asText()), "reason as printed: " + notice.path("reason"));
            assertTrue(page.contains(notice.path("instructions").asText()), "instructions as printed");
            assertTrue(page.contains("定于2024年11月26日20时—2024年11月27日8时"), "window");
            assertEquals(OffsetDateTime.parse("2024-11-26T20:00:00+08:00"), OffsetDateTime.parse(notice.path("startsAt").asText()));
            assertEquals(OffsetDateTime.parse("2024-11-27T08:00:00+08:00"), OffsetDateTime.parse(notice.path("endsAt").asText()));
            assertTrue(page.contains("2024年11月25日"), "publication date");
            assertEquals("2024-11-25", notice.path("publishedAt").asText().substring(0, 10));
            for (JsonNode area : notice.path("areas")) {
                String printed = area.path("description").asText();
                assertTrue(page.contains("\n" + printed + "\n"), "area line as printed: " + printed);
                assertTrue(printed.startsWith(area.path("road").asText() + area.path("side").asText("")), printed);
                assertTrue(printed.contains("(" + area.path("from").asText() + "—" + area.path("to").asText() + ")"),
                        printed);
            }
        }
        assertEquals(List.of("新建路", "兴农路", "惠远西街"), notices.stream()
                .flatMap(n -> java.util.stream.StreamSupport.stream(n.path("areas").spliterator(), false))
                .map(a -> a.path("road").asText()).toList());
    }

    /**
     * The gazetteer's roads are the notices' roads and its landmarks the ends the page names; its numbers are not on
     * the page, and each entry says they are made up.
     */
    @Test
    void theGazetteerPlacesThePagesLandmarksAndSaysItsNumbersAreMadeUp() throws Exception {
        String page;
        try (var in = SeedDataTest.class.getResourceAsStream(PAGE)) {
            page = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        List<JsonNode> roads = Seed.gazetteer();
        assertEquals(List.of("新建路", "兴农路", "惠远西街"), roads.stream().map(r -> r.path("road").asText()).toList());
        for (JsonNode road : roads) {
            assertTrue(road.path("source").asText().contains("made up"), road.path("road") + " says it is made up");
            for (JsonNode landmark : road.path("landmarks")) {
                assertTrue(page.contains(landmark.path("name").asText()), "a landmark the page names: " + landmark);
            }
        }
    }
}
