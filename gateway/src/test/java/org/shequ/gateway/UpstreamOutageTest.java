package org.shequ.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * One service killed and another frozen: the gateway stays ready and keeps serving the others; the broken ones
 * answer as problems and show in the health data, not in readiness.
 */
@QuarkusTest
@QuarkusTestResource(value = SeparateStubs.class, restrictToAnnotatedClass = true)
class UpstreamOutageTest {

    @Test
    void gatewayStaysReadyAndServesTheOthersWhileOneServiceIsDeadAndAnotherFrozen() {
        given().get("/api/v1/notices").then().statusCode(200).header("X-Upstream", "notices");
        given().get("/api/v1/grid/tasks").then().statusCode(200).header("X-Upstream", "grid-tasks");

        SeparateStubs.gridTasks.destroyForcibly();
        SeparateStubs.signal(SeparateStubs.notices, "STOP");
        try {
            given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
            given().get("/api/v1/food-safety/public/providers").then().statusCode(200)
                    .header("X-Upstream", "food-inspections");
            given().get("/api/v1/renovations/stats").then().statusCode(200).header("X-Upstream", "renovations");
            given().get("/api/v1/grid/tasks").then().statusCode(502).contentType("application/problem+json");
            given().get("/api/v1/notices").then().statusCode(504).contentType("application/problem+json");

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/q/health/well").then()
                    .statusCode(503)
                    .body("checks.find { it.name == 'upstreams' }.data.notices", startsWith("NOT ANSWERING"))
                    .body("checks.find { it.name == 'upstreams' }.data.grid-tasks", startsWith("UNREACHABLE"))
                    .body("checks.find { it.name == 'upstreams' }.data.renovations", equalTo("UP")));
            given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
            given().get("/api/v1/renovations/stats").then().statusCode(200);
        } finally {
            SeparateStubs.signal(SeparateStubs.notices, "CONT");
        }
    }

    @Test
    void httpsUpstreamIsReachedAndItsCertificateChecked() {
        given().get("/api/v1/renovations/stats").then().statusCode(200)
                .header("X-Upstream", "renovations")
                .body("uri", equalTo("/api/v1/renovations/stats"));
    }
}
