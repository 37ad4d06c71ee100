package org.shequ.renovations.compound;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.shequ.renovations.RenovationsDatabase;
import org.shequ.testing.ShequInfraResource;

@QuarkusTest
@QuarkusTestResource(ShequInfraResource.class)
class RegisterCompoundTest {

    @Test
    void registeredCompoundReadsBackWithItsFigures() {
        String name = "西铭路47号院-" + UUID.randomUUID().toString().substring(0, 6);
        var created = given().contentType(ContentType.JSON).header("Authorization", RenovationsDatabase.admin())
                .body(Map.of("name", name, "district", "迎泽区", "builtYear", 1998, "floorAreaM2", 12000.5,
                        "households", 312, "buildings", 6))
                .post("/api/v1/renovations/compounds")
                .then().statusCode(201).header("ETag", notNullValue()).extract();
        given().get(created.header("Location").replaceFirst("^https?://[^/]+", "")).then().statusCode(200)
                .body("name", equalTo(name))
                .body("builtYear", equalTo(1998))
                .body("floorAreaM2", equalTo(12000.5f));
        given().header("If-None-Match", created.header("ETag"))
                .get("/api/v1/renovations/compounds/" + created.path("id")).then().statusCode(304);
        given().get("/api/v1/renovations/compounds?district=迎泽区&limit=200").then().statusCode(200)
                .body("items.name", hasItem(name));
    }

    @Test
    void sameNameInTheSameDistrictIsA409NamingTheFields() throws Exception {
        Map<String, Object> compound = Map.of("name", "双塔寺街1号院-" + UUID.randomUUID(), "district", "迎泽区");
        given().contentType(ContentType.JSON).header("Authorization", RenovationsDatabase.admin()).body(compound)
                .post("/api/v1/renovations/compounds").then().statusCode(201);
        long before = RenovationsDatabase.count("select count(*) from compound");
        given().contentType(ContentType.JSON).header("Authorization", RenovationsDatabase.admin()).body(compound)
                .post("/api/v1/renovations/compounds")
                .then().statusCode(409).contentType("application/problem+json")
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("district"));
        assertEquals(before, RenovationsDatabase.count("select count(*) from compound"));
    }

    @Test
    void listPagesNeitherSkipNorRepeat() {
        for (int i = 0; i < 5; i++) {
            RenovationsDatabase.registerCompound();
        }
        var first = given().get("/api/v1/renovations/compounds?limit=2").then().statusCode(200).extract();
        var second = given().get("/api/v1/renovations/compounds?limit=2&cursor=" + first.path("nextCursor"))
                .then().statusCode(200).extract();
        java.util.List<String> one = first.path("items.id");
        java.util.List<String> two = second.path("items.id");
        assertEquals(2, one.size());
        assertEquals(2, two.size());
        assertEquals(0, one.stream().filter(two::contains).count());
    }
}
