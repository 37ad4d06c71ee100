package org.shequ.platform.db;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.shequ.local.Frozen;
import org.shequ.platform.probe.JwksInfraResource;
import org.shequ.platform.probe.ProbeBodies;
import org.shequ.testing.TestInfra;

/**
 * A database that hangs (SIGSTOP) must not hang the service with it. Clients writing and reading through the freeze
 * get answers, never a 500: what the database could not serve is a 503 problem with {@code Retry-After}. Readiness
 * goes DOWN, so the gateway and Kubernetes route around the replica, liveness stays UP, so nobody restarts it, and
 * once the database wakes the same service serves again.
 */
@QuarkusTest
@QuarkusTestResource(JwksInfraResource.class)
class FrozenDatabaseTest {

    private static final Duration FREEZE = Duration.ofSeconds(7);
    /** The hang guard: with no database timeouts a request would wait as long as the freeze lasts, or longer. */
    private static final RestAssuredConfig TEN_SECONDS = RestAssuredConfig.config().httpClient(
            HttpClientConfig.httpClientConfig().setParam("http.socket.timeout", 10_000));

    record Answer(int status, String contentType, String retryAfter, String type, long millis) {
    }

    @Test
    void whileTheDatabaseHangsClientsGet503ProblemsReadinessIsDownAndTheServiceRecoversAlone() throws Exception {
        String existing = given().contentType(ContentType.JSON).header("Authorization", admin())
                .body(ProbeBodies.newProbe()).post("/api/v1/probes").then().statusCode(201).extract().path("id");
        List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try (Frozen database = TestInfra.get().freezeDatabase()) {
            long until = System.nanoTime() + FREEZE.toNanos();
            List<Future<?>> running = new ArrayList<>();
            for (int client = 0; client < 4; client++) {
                boolean writer = client % 2 == 0;
                running.add(clients.submit(() -> {
                    while (System.nanoTime() < until) {
                        answers.add(writer ? timed(() -> given().config(TEN_SECONDS).contentType(ContentType.JSON)
                                        .header("Authorization", admin()).body(ProbeBodies.newProbe())
                                        .post("/api/v1/probes"))
                                : timed(() -> given().config(TEN_SECONDS).get("/api/v1/probes/" + existing)));
                    }
                    return null;
                }));
            }
            await().atMost(Duration.ofSeconds(15)).until(
                    () -> given().config(TEN_SECONDS).get("/q/health/ready").statusCode() == 503);
            given().config(TEN_SECONDS).get("/q/health/live").then().statusCode(200);
            for (Future<?> client : running) {
                client.get(30, TimeUnit.SECONDS);
            }
        } finally {
            clients.shutdownNow();
        }

        long slowest = answers.stream().mapToLong(Answer::millis).max().orElse(0);
        long refused = answers.stream().filter(a -> a.status() == 503).count();
        System.out.printf("FrozenDatabaseTest: %d requests during a %d s freeze, %d answered 503, slowest %d ms%n",
                answers.size(), FREEZE.toSeconds(), refused, slowest);
        assertTrue(refused > 0, "the freeze was felt: " + answers);
        for (Answer answer : answers) {
            assertTrue(answer.status() < 300 || answer.status() == 503, "only successes and 503s: " + answer);
            if (answer.status() == 503) {
                assertEquals("application/problem+json", answer.contentType(), answer.toString());
                assertNotNull(answer.retryAfter(), "503 says when to come back: " + answer);
                assertTrue(answer.type().endsWith(":database-unavailable") || answer.type().endsWith(":contention"),
                        answer.toString());
            }
        }

        await().atMost(Duration.ofSeconds(30)).until(
                () -> given().config(TEN_SECONDS).get("/q/health/ready").statusCode() == 200);
        given().contentType(ContentType.JSON).header("Authorization", admin()).body(ProbeBodies.newProbe())
                .post("/api/v1/probes").then().statusCode(201);
        given().get("/api/v1/probes/" + existing).then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
    }

    private static Answer timed(java.util.function.Supplier<Response> request) {
        long started = System.nanoTime();
        Response response = request.get();
        long millis = (System.nanoTime() - started) / 1_000_000;
        String type = response.statusCode() == 503 ? response.jsonPath().getString("type") : null;
        return new Answer(response.statusCode(), response.contentType(), response.header("Retry-After"), type,
                millis);
    }

    private static String admin() {
        return "Bearer " + TestInfra.get().token("community-admin");
    }
}
