package org.shequ.renovations;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.shequ.testing.TestInfra;

/** Row counts from the service's own database, and a registered compound to hang projects on. */
public final class RenovationsDatabase {

    private RenovationsDatabase() {
    }

    public static long count(String sql) throws Exception {
        return TestInfra.get().count("shequ_renovations", sql);
    }

    /** 西铭路47号院 (built 1998), under a name unique to this call so tests never share one. */
    public static String registerCompound() {
        return given().contentType(ContentType.JSON).header("Authorization", admin())
                .body(Map.of("name", "西铭路47号院-" + UUID.randomUUID().toString().substring(0, 8),
                        "district", "迎泽区", "address", "迎泽区西铭路47号", "builtYear", 1998, "households", 312))
                .post("/api/v1/renovations/compounds").then().statusCode(201).extract().path("id");
    }

    public static String admin() {
        return "Bearer " + TestInfra.get().token("district-admin");
    }
}
