package org.shequ.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.shequ.testing.ShequInfraResource;
import org.shequ.testing.TestInfra;

/**
 * The limits a client meets at the edge, with small numbers (TightLimits): its own rate limit (429 with Retry-After,
 * and where it stands on every answer), body and header sizes, which browser origins may call, and compression.
 */
@QuarkusTest
@QuarkusTestResource(value = TightLimits.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = ShequInfraResource.class, restrictToAnnotatedClass = true)
class EdgeLimitsTest extends ThroughTheEdge {

    @Test
    void aClientOverItsBurstGets429WithRetryAfterAndEveryAnswerSaysWhereItStands() {
        String token = TestInfra.get().token("grid-worker", "worker-burst");
        for (int i = 1; i <= TightLimits.QUOTA; i++) {
            given().header("Authorization", "Bearer " + token).get("/api/v1/grid/tasks").then().statusCode(200)
                    .header("RateLimit-Policy", equalTo("\"default\";q=" + TightLimits.QUOTA + ";w=60"))
                    .header("RateLimit", equalTo("\"default\";r=" + (TightLimits.QUOTA - i) + ";t="
                            + (i == 0 ? 0 : 12 * i)))
                    .header("Retry-After", nullValue());
        }
        int before = StubServer.SEEN.get();
        given().header("Authorization", "Bearer " + token).get("/api/v1/grid/tasks").then().statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:shequ:problem:rate-limited"))
                .header("Retry-After", matchesPattern("1[0-2]"))
                .header("RateLimit", matchesPattern("\"default\";r=0;t=\\d+"));
        assertEquals(before, StubServer.SEEN.get(), "a limited request does not reach the service");

        String other = TestInfra.get().token("grid-worker", "worker-calm");
        given().header("Authorization", "Bearer " + other).get("/api/v1/grid/tasks").then().statusCode(200);
    }

    @Test
    void aBodyOverTheLimitIs413WhetherDeclaredOrChunked() throws Exception {
        String token = TestInfra.get().token("community-admin", "admin-big");
        int before = StubServer.SEEN.get();
        given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body("{\"text\":\"" + "x".repeat(20_000) + "\"}").post("/api/v1/notices").then().statusCode(413)
                .contentType("application/problem+json").body("status", equalTo(413));
        assertEquals(before, StubServer.SEEN.get(), "a declared large body is refused before it is sent");

        HttpURLConnection chunked = (HttpURLConnection) URI.create(io.restassured.RestAssured.baseURI + ":"
                + io.restassured.RestAssured.port + "/api/v1/notices").toURL().openConnection();
        chunked.setRequestMethod("POST");
        chunked.setDoOutput(true);
        chunked.setChunkedStreamingMode(1024);
        chunked.setRequestProperty("Authorization", "Bearer " + token);
        chunked.setRequestProperty("Content-Type", "application/json");
        try (OutputStream out = chunked.getOutputStream();
             InputStream body = new ByteArrayInputStream(("{\"text\":\"" + "y".repeat(30_000) + "\"}")
                     .getBytes(StandardCharsets.UTF_8))) {
            body.transferTo(out);
        } catch (java.io.IOException cutOff) {
            // the gateway may answer and close before the client has sent everything
        }
        assertEquals(413, chunked.getResponseCode());
    }

    @Test
    void headersOverTheLimitAreRefused() {
        given().header("X-Padding", "z".repeat(20_000)).get("/api/v1/notices").then().statusCode(431);
    }

    @Test
    void onlyWhitelistedOriginsMayCallFromABrowser() {
        given().header("Origin", "https://app.shequ.example").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Authorization,Content-Type")
                .options("/api/v1/notices").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://app.shequ.example");
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/api/v1/notices").then().header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://app.shequ.example").get("/api/v1/notices").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://app.shequ.example");
    }

    @Test
    void largeTextAnswersAreCompressedAsTheClientPrefersAndSmallOnesAreNot() {
        given().header("Accept-Encoding", "gzip").get("/api/v1/notices/big").then().statusCode(200)
                .header("Content-Encoding", "gzip").body("text", containsString("停水通知"));
        given().header("Accept-Encoding", "br").get("/api/v1/notices/big").then().statusCode(200)
                .header("Content-Encoding", "br");
        given().header("Accept-Encoding", "gzip").get("/api/v1/notices/small").then().statusCode(200)
                .header("Content-Encoding", not(equalTo("gzip")))
                .body("acceptEncoding", equalTo("null"));
    }
}
