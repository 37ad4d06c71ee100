package org.shequ.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shequ.model.api.TraceParent;
import org.shequ.testing.ShequInfraResource;
import org.shequ.testing.TestInfra;

@QuarkusTest
@QuarkusTestResource(value = StubServices.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = ShequInfraResource.class, restrictToAnnotatedClass = true)
class GatewayTest extends ThroughTheEdge {

    private static String token() {
        return TestInfra.get().token("community-admin");
    }

    @AfterEach
    void servicesBackToNormal() throws Exception {
        StubServices.ready = true;
        StubServices.stopServer();
        StubServices.startServer();
    }

    @Test
    void forwardsMethodPathQueryBodyAndTokenAndKeepsTheStatus() {
        String body = "{\"title\":\"停水通知 𠮷\",\"areas\":[{\"road\":\"新建路\"}]}";
        String bearer = "Bearer " + token();
        var answer = given().contentType(ContentType.JSON).header("Authorization", bearer)
                .body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/notices?publish=true")
                .then().statusCode(201)
                .header("X-Upstream", "stub")
                .body("method", equalTo("POST"))
                .body("uri", equalTo("/api/v1/notices?publish=true"))
                .body("authorization", equalTo(bearer))
                .body("body.title", equalTo("停水通知 𠮷"))
                .body("body.areas[0].road", equalTo("新建路"))
                .body("connection", not(equalTo("close")))
                .extract();
        // The service saw the gateway's Host, so its Location points back through the gateway.
        assertEquals(io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + "/api/v1/notices/n-1",
                answer.header("Location"));
    }

    @Test
    void routesEachPrefixToItsService() {
        for (String path : new String[] {"/api/v1/notices", "/api/v1/grid/tasks", "/open311/v2/services.json",
                "/api/v1/food-safety/providers", "/api/v1/renovations/stats"}) {
            given().get(path).then().statusCode(200).body("uri", equalTo(path));
        }
        given().get("/api/v1/elsewhere").then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404)).header("X-Request-Id", notNullValue());
    }

    @Test
    void makesARequestIdWhenTheCallerHasNoneAndPassesItOn() {
        var answer = given().get("/api/v1/notices").then().statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}")).extract();
        assertEquals(answer.header("X-Request-Id"), answer.path("requestId"));
    }

    @Test
    void theCallersTraceGoesOnWithTheGatewayAsItsHopAndARequestWithoutOneStartsATrace() {
        String trace = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        String forwarded = given().header("traceparent", trace).get("/api/v1/notices").then().statusCode(200)
                .extract().path("traceparent");
        assertEquals(TraceParent.traceId(trace), TraceParent.traceId(forwarded));
        assertNotEquals(trace, forwarded, "the gateway is a hop of its own");
        String started = given().get("/api/v1/notices").then().statusCode(200).extract().path("traceparent");
        assertTrue(TraceParent.isValid(started), started);
    }

    @Test
    void keepsTheCallersRequestIdButNotAnInjectedOne() {
        given().header("X-Request-Id", "app-42").get("/api/v1/notices").then()
                .header("X-Request-Id", "app-42").body("requestId", equalTo("app-42"));
        given().header("X-Request-Id", "bad id\nwith newline").get("/api/v1/notices").then()
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void readinessIsTheGatewaysOwnAndEachServicesStateIsInTheHealthData() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/q/health/well").then()
                .statusCode(200).body("checks.find { it.name == 'upstreams' }.data.notices", equalTo("UP")));
        StubServices.ready = false;
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/q/health/well").then()
                .statusCode(503)
                .body("checks.find { it.name == 'upstreams' }.data.notices", containsString("DOWN (HTTP 503)")));
        given().get("/q/health/ready").then().statusCode(200).header("X-Request-Id", notNullValue())
                .body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void unreachableServiceIsA503ProblemNamingItWhileTheGatewayStaysReady() {
        StubServices.stopServer();
        given().header("X-Request-Id", "outage-1").get("/api/v1/notices").then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("status", equalTo(503))
                .body("service", equalTo("notices"))
                .body("detail", containsString("notices"))
                .body("requestId", equalTo("outage-1"));
        given().get("/q/health/ready").then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/q/health/well").then()
                .statusCode(503)
                .body("checks.find { it.name == 'upstreams' }.data.renovations", containsString("UNREACHABLE")));
    }

    @Test
    void forgedForwardingHeadersNeverReachAService() {
        given().header("X-Forwarded-For", "6.6.6.6").header("X-Forwarded-Host", "evil.example")
                .header("Forwarded", "for=6.6.6.6;host=evil.example").header("X-Real-IP", "6.6.6.6")
                .get("/api/v1/notices").then().statusCode(200)
                .body("forwardedFor", equalTo("127.0.0.1"))
                .body("forwardedHost", not(containsString("evil")))
                .body("forwarded", equalTo("null"))
                .body("realIp", equalTo("null"));
    }

    @Test
    void headersNamedByConnectionStayWithTheGateway() {
        given().header("Connection", "keep-alive, X-Secret-Hop").header("X-Secret-Hop", "only-for-the-gateway")
                .get("/api/v1/notices").then().statusCode(200)
                .body("secret", equalTo("null"));
    }

    @Test
    void theNormalisedPathThatWasRoutedIsWhatTheServiceGets() {
        given().urlEncodingEnabled(false).get("/api/v1/notices/../grid/tasks?status=OPEN").then().statusCode(200)
                .body("uri", equalTo("/api/v1/grid/tasks?status=OPEN"));
        given().urlEncodingEnabled(false).get("/api/v1/notices/./x/../42").then().statusCode(200)
                .body("uri", equalTo("/api/v1/notices/42"));
    }

    @Test
    void slowServiceIsA504Problem() {
        given().get("/api/v1/grid/slow").then().statusCode(504).contentType("application/problem+json")
                .body("status", equalTo(504));
    }

    @Test
    void servesOneMergedOpenApiDocumentForSwaggerUi() {
        given().get("/q/openapi").then().statusCode(200).contentType("application/json")
                .body("openapi", equalTo("3.1.0"))
                .body("servers[0].url", matchesPattern("http://(localhost|127\\.0\\.0\\.1):\\d+"))
                .body("paths.'/api/v1/neighbourhood'.get.operationId", equalTo("getNeighbourhood"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void prometheusMetricsAreOnTheManagementPortOnly() {
        given().get("/api/v1/notices");
        given().get("/q/metrics").then().statusCode(404);
        given().port(StubServices.managementPort).get("/q/metrics").then().statusCode(200)
                .body(containsString("shequ_gateway_requests_seconds_bucket{method=\"GET\",route=\"notices\",status=\"2xx\""))
                .body(containsString("shequ_gateway_upstream_breaker_state{service=\"notices\"}"))
                .body(containsString("shequ_gateway_upstream_up{service=\"notices\"}"));
        String scrape = given().port(StubServices.managementPort).get("/q/metrics").then().extract().asString();
        assertEquals(java.util.Set.of(), org.shequ.testing.MetricsHelp.undocumented(scrape),
                "shequ_* metrics without HELP text");
    }

    @Test
    void largeBodiesAreStreamedWhole() {
        String big = "{\"text\":\"" + "迎泽".repeat(150_000) + "\"}";
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token())
                .body(Map.of("text", "迎泽".repeat(150_000)))
                .post("/api/v1/notices").then().statusCode(201).body("bodyLength", equalTo(big.length()));
    }
}
