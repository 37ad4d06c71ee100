package org.shequ.gateway;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * One service killed and another frozen, as separate processes: the gateway stays ready and keeps serving the
 * others; the stopped one is a fast 503 and the frozen one a 504 at its deadline, both naming the service; after three
 * failures the frozen one's circuit opens (an immediate 503 with Retry-After) and closes again once it answers; the
 * neighbourhood view stays a 200 and names the missing parts in degraded[], served from their last good answer.
 */
@QuarkusTest
@QuarkusTestResource(value = SeparateStubs.class, restrictToAnnotatedClass = true)
class UpstreamOutageTest extends ThroughTheEdge {

    private static final String ADDRESS = "迎泽区胜利东街7号院6号楼";
    /** The route deadline (PT2S in SeparateStubs) and what a loaded CI machine may add to it. */
    private static final long DEADLINE_MILLIS = 2_000;
    private static final long SLACK_MILLIS = 1_500;

    @Test
    void stoppedAndFrozenServicesAreFastProblemsTheBreakerOpensAndClosesAndTheNeighbourhoodDegrades() {
        given().get("/api/v1/notices").then().statusCode(200).header("X-Upstream", "notices");
        given().get("/api/v1/grid/tasks").then().statusCode(200).header("X-Upstream", "grid-tasks");
        neighbourhood().body("degraded", empty())
                .body("compound.name", equalTo("胜利东街7号院"))
                .body("compound.community", equalTo("富力城社区"))
                .body("notices[0].title", equalTo("停水通知"))
                .body("tasks[0].title", equalTo("楼道杂物清理"))
                .body("projects[0].id", equalTo("p-1"))
                .body("providers[0].name", equalTo("阳光午托"));

        SeparateStubs.gridTasks.destroyForcibly();
        SeparateStubs.signal(SeparateStubs.notices, "STOP");
        try {
            given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
            given().get("/api/v1/food-safety/public/providers").then().statusCode(200)
                    .header("X-Upstream", "food-inspections");

            long stopped = millis(() -> given().get("/api/v1/grid/tasks").then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", notNullValue())
                    .body("service", equalTo("grid-tasks")));
            assertTrue(stopped < DEADLINE_MILLIS, "a stopped service is refused at once, took " + stopped + " ms");

            long frozen = millis(() -> given().get("/api/v1/notices").then().statusCode(504)
                    .contentType("application/problem+json").body("service", equalTo("notices")));
            assertTrue(frozen < DEADLINE_MILLIS + SLACK_MILLIS, "504 at the deadline, took " + frozen + " ms");

            neighbourhood().body("degraded", hasSize(2))
                    .body("degraded.find { it.part == 'tasks' }.service", equalTo("grid-tasks"))
                    .body("degraded.find { it.part == 'tasks' }.reason", containsString("not reachable"))
                    .body("degraded.find { it.part == 'tasks' }.servedFromCache", equalTo(true))
                    .body("degraded.find { it.part == 'tasks' }.ageSeconds", notNullValue())
                    .body("tasks[0].title", equalTo("楼道杂物清理"))
                    .body("degraded.find { it.part == 'notices' }.reason", containsString("no answer within"))
                    .body("notices[0].title", equalTo("停水通知"))
                    .body("projects[0].id", equalTo("p-1"));

            // Three failures of notices in a row (the 504, the neighbourhood's timeout, one more) open its circuit.
            given().get("/api/v1/notices").then().statusCode(504);
            long open = millis(() -> given().get("/api/v1/notices").then().statusCode(503)
                    .header("Retry-After", notNullValue())
                    .body("type", equalTo("urn:shequ:problem:upstream-circuit-open"))
                    .body("service", equalTo("notices")));
            assertTrue(open < DEADLINE_MILLIS, "an open circuit answers at once, took " + open + " ms");
            given().get("/q/health/ready").then().statusCode(200);
        } finally {
            SeparateStubs.signal(SeparateStubs.notices, "CONT");
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().get("/api/v1/notices").then().statusCode(200).header("X-Upstream", "notices"));
        given().get("/api/v1/notices").then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/q/health/well").then()
                .body("checks.find { it.name == 'upstreams' }.data.grid-tasks", startsWith("UNREACHABLE"))
                .body("checks.find { it.name == 'upstreams' }.data.renovations", equalTo("UP")));
    }

    @Test
    void httpsUpstreamIsReachedAndItsCertificateChecked() {
        given().get("/api/v1/renovations/stats").then().statusCode(200)
                .header("X-Upstream", "renovations")
                .body("uri", equalTo("/api/v1/renovations/stats"));
    }

    private static ValidatableResponse neighbourhood() {
        return given().queryParam("address", ADDRESS).get("/api/v1/neighbourhood").then().statusCode(200);
    }

    private static long millis(Runnable call) {
        long start = System.nanoTime();
        call.run();
        return (System.nanoTime() - start) / 1_000_000;
    }
}
