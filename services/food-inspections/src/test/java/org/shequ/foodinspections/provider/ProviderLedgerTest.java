package org.shequ.foodinspections.provider;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.shequ.testing.ShequInfraResource;

@QuarkusTest
@QuarkusTestResource(ShequInfraResource.class)
class ProviderLedgerTest {

    @ParameterizedTest(name = "{0} sees {1} / {2}")
    @CsvSource({"inspector, 王芳, 13812341234", "community-admin, 王芳, 13812341234",
            "district-admin, 王芳, 13812341234", "resident, 王*, 138****1234", "grid-worker, 王*, 138****1234",
            "integration, 王*, 138****1234", "anonymous, 王*, 138****1234"})
    void operatorNameAndPhoneAreMaskedForAnyoneNotEntitled(String role, String operatorName, String phone) {
        String id = given().contentType(ContentType.JSON).header("Authorization", ProviderFixtures.bearer("inspector"))
                .body(ProviderFixtures.provider()).post("/api/v1/food-safety/providers")
                .then().statusCode(201).extract().path("id");
        var read = given();
        if (!role.equals("anonymous")) {
            read = read.header("Authorization", ProviderFixtures.bearer(role));
        }
        read.get("/api/v1/food-safety/providers/" + id).then().statusCode(200)
                .header("Vary", "Authorization")
                .body("operatorName", equalTo(operatorName))
                .body("phone", equalTo(phone))
                .body("name", equalTo("双塔寺小饭桌"));
    }

    @Test
    void licenceNumberRegisteredTwiceIsA409NamingIt() throws Exception {
        Map<String, Object> provider = ProviderFixtures.provider();
        given().contentType(ContentType.JSON).header("Authorization", ProviderFixtures.bearer("inspector"))
                .body(provider).post("/api/v1/food-safety/providers").then().statusCode(201)
                .body("status", equalTo("ACTIVE"));
        long before = ProviderFixtures.providersAndEvents();
        given().contentType(ContentType.JSON).header("Authorization", ProviderFixtures.bearer("inspector"))
                .body(provider).post("/api/v1/food-safety/providers")
                .then().statusCode(409).contentType("application/problem+json")
                .body("errors.field", hasItem("licenseNo"));
        assertEquals(before, ProviderFixtures.providersAndEvents());
    }

    @Test
    void onlyInspectorsAndAdminsEnterProviders() {
        given().contentType(ContentType.JSON).header("Authorization", ProviderFixtures.bearer("resident"))
                .body(ProviderFixtures.provider()).post("/api/v1/food-safety/providers").then().statusCode(403);
        given().contentType(ContentType.JSON).body(ProviderFixtures.provider())
                .post("/api/v1/food-safety/providers").then().statusCode(401);
    }
}
