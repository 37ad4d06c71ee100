package org.shequ.notices.notice;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shequ.testing.ShequInfraResource;

/** "Am I affected?" by a phone's position: in a notice area's polygon, or along its line. */
@QuarkusTest
@QuarkusTestResource(ShequInfraResource.class)
class GeometryAffectingTest {

    /** Around 胜利东街7号院 (made-up corners): 112.5820–112.5850 E, 37.8560–37.8585 N. */
    static final Map<String, Object> COMPOUND_POLYGON = Map.of("type", "Polygon", "coordinates", List.of(List.of(
            List.of(112.5820, 37.8560), List.of(112.5850, 37.8560), List.of(112.5850, 37.8585),
            List.of(112.5820, 37.8585), List.of(112.5820, 37.8560))));

    /** 新建路 running north (made-up): along 112.5600 E from 37.8600 to 37.8700 N. */
    static final Map<String, Object> ROAD_LINE = Map.of("type", "LineString", "coordinates", List.of(
            List.of(112.5600, 37.8600), List.of(112.5600, 37.8700)));

    @Test
    void aPositionInsideThePolygonIsAffectedAndOneOutsideIsNot() {
        String id = createWith(Map.of("compound", "胜利东街7号院", "geometry", COMPOUND_POLYGON));
        given().get("/api/v1/notices/" + id).then().statusCode(200)
                .body("areas[0].geometry.type", equalTo("Polygon"))
                .body("areas[0].geometry.coordinates[0][1][0]", equalTo(112.585f));
        given().queryParam("lat", "37.8572").queryParam("lon", "112.5835").queryParam("limit", 200)
                .get("/api/v1/notices/affecting").then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }.precision", equalTo("geometry"))
                .body("items.find { it.id == '" + id + "' }.matchedAreas[0].compound", equalTo("胜利东街7号院"));
        given().queryParam("lat", "37.8560").queryParam("lon", "112.5835").queryParam("limit", 200)
                .get("/api/v1/notices/affecting").then().statusCode(200)
                .body("items.id", hasItem(id)); // on the edge counts as inside
        given().queryParam("lat", "37.8600").queryParam("lon", "112.5835").queryParam("limit", 200)
                .get("/api/v1/notices/affecting").then().statusCode(200)
                .body("items.id", not(hasItem(id)));
    }

    @Test
    void aPositionNearTheLineIsAffectedAndOneAStreetAwayIsNot() {
        String id = createWith(Map.of("road", "新建路", "geometry", ROAD_LINE));
        // 0.0004° of longitude at 37.865° N is about 35 m; 0.0030° about 264 m.
        given().queryParam("lat", "37.8650").queryParam("lon", "112.5604").queryParam("limit", 200)
                .get("/api/v1/notices/affecting").then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }.precision", equalTo("geometry"));
        given().queryParam("lat", "37.8650").queryParam("lon", "112.5630").queryParam("limit", 200)
                .get("/api/v1/notices/affecting").then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        given().queryParam("lat", "37.8750").queryParam("lon", "112.5600").queryParam("limit", 200)
                .get("/api/v1/notices/affecting").then().statusCode(200)
                .body("items.id", not(hasItem(id))); // past the line's end
    }

    @Test
    void aGeometryThatIsNotALineOrAValidPolygonIsA400NamingTheAreaAndWritesNothing() throws Exception {
        long before = NoticeFixtures.notices();
        List<Map<String, Object>> bad = List.of(
                Map.of("type", "Point", "coordinates", List.of(112.58, 37.85)),
                Map.of("type", "Polygon", "coordinates", List.of(List.of(List.of(112.58, 37.85), List.of(112.59, 37.86),
                        List.of(112.59, 37.85), List.of(112.58, 37.86), List.of(112.58, 37.85)))), // a bow tie
                Map.of("type", "Polygon", "coordinates", List.of(List.of(List.of(112.58, 37.85), List.of(112.59, 37.85),
                        List.of(112.59, 37.86)))), // not closed
                Map.of("type", "LineString", "coordinates", List.of(List.of(112.58, 95.0), List.of(112.59, 37.85))),
                Map.of("type", "LineString", "coordinates", List.of(List.of(112.58, 37.85), List.of(112.58, 37.85))),
                Map.of("type", "LineString", "coordinates", List.of(List.of("112.58", "37.85"), List.of(1, 2))),
                Map.of("type", "LineString", "coordinates", "新建路"),
                Map.of("type", "LineString", "coordinates", java.util.stream.IntStream.range(0, 2_001)
                        .mapToObj(i -> List.of(112.5 + i * 1e-5, 37.8)).toList()));
        for (Map<String, Object> geometry : bad) {
            Map<String, Object> notice = NoticeFixtures.seedNoticeFromNow(0, 1);
            notice.put("areas", List.of(Map.of("road", "新建路", "geometry", geometry)));
            given().contentType(ContentType.JSON).header("Authorization", NoticeFixtures.bearer("community-admin"))
                    .body(notice).post("/api/v1/notices").then().statusCode(400)
                    .contentType(startsWith("application/problem+json"))
                    .body("errors[0].field", equalTo("areas[0].geometry"));
        }
        assertEquals(before, NoticeFixtures.notices());
    }

    @Test
    void aPositionMustBeBothDegreesInRangeAndNotBesideAnAddress() {
        for (Map<String, String> query : List.of(Map.of("lat", "37.85"), Map.of("lon", "112.58"),
                Map.of("lat", "91", "lon", "112.58"), Map.of("lat", "37.85", "lon", "NaN"),
                Map.of("lat", "0x1p3", "lon", "112.58"), Map.of("lat", "37.85", "lon", "1e400"),
                Map.of("lat", "37.85", "lon", "112.58", "address", "新建路13号"))) {
            given().queryParams(query).get("/api/v1/notices/affecting").then().statusCode(400)
                    .contentType(startsWith("application/problem+json"));
        }
    }

    private static String createWith(Map<String, Object> area) {
        Map<String, Object> notice = NoticeFixtures.seedNoticeFromNow(0, 1);
        notice.put("areas", List.of(area));
        return NoticeFixtures.create(notice);
    }
}
