package org.shequ.renovations.request;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shequ.renovations.RenovationsDatabase;
import org.shequ.testing.ShequInfraResource;
import org.shequ.testing.TestInfra;

/** Found by the authorization matrix: a page of wishes none of which a project answers yet was a 500. */
@QuarkusTest
@QuarkusTestResource(ShequInfraResource.class)
class UnlinkedWishesTest {

    @Test
    void wishesNoProjectAnswersYetAreListed() {
        String compound = RenovationsDatabase.registerCompound();
        given().contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + TestInfra.get().token("resident", "resident-wang"))
                .body(Map.of("compoundId", compound, "text", "希望加装电梯")).post("/api/v1/renovations/requests")
                .then().statusCode(201);

        given().queryParam("compoundId", compound).get("/api/v1/renovations/requests")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].projectId", equalTo(null));
    }
}
