package org.shequ.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.shequ.testing.ShequInfraResource;
import org.shequ.testing.TestInfra;

/**
 * The two ways through the gateway: reads served at the front door, everything else handed with its connection to
 * the full pipeline. Either way a client sees one gateway: answers in order, the same headers, its own address.
 */
@QuarkusTest
@QuarkusTestResource(value = StubServices.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = ShequInfraResource.class, restrictToAnnotatedClass = true)
class FrontDoorTest extends ThroughTheFrontDoor {

    @Inject
    MeterRegistry registry;

    private double count(String path) {
        return registry.get("shequ.gateway.front.door").tag("path", path).counter().count();
    }

    @Test
    void readsAreServedAtTheFrontDoorAndWritesAreHandedToTheFullPipeline() {
        String bearer = "Bearer " + TestInfra.get().token("community-admin");
        given().header("Authorization", bearer).get("/api/v1/notices").then().statusCode(200); // key now in memory
        double served = count("served");
        double handedOver = count("handed-over");
        given().header("Authorization", bearer).get("/api/v1/notices/n-1").then().statusCode(200)
                .body("uri", equalTo("/api/v1/notices/n-1")).body("forwardedFor", equalTo("127.0.0.1"))
                .header("RateLimit", org.hamcrest.Matchers.startsWith("\"default\";r="));
        assertEquals(served + 1, count("served"));
        given().header("Authorization", bearer).contentType(ContentType.JSON).body("{\"title\":\"停水通知\"}")
                .post("/api/v1/notices").then().statusCode(201).body("forwardedFor", equalTo("127.0.0.1"))
                .header("RateLimit", org.hamcrest.Matchers.startsWith("\"default\";r="));
        assertEquals(handedOver + 1, count("handed-over"));
    }

    @Test
    void requestsSentTogetherOnOneConnectionAreAnsweredInOrderAcrossBothPaths() throws Exception {
        String bearer = "Bearer " + TestInfra.get().token("community-admin");
        String body = "{\"title\":\"停水通知\"}";
        int length = body.getBytes(StandardCharsets.UTF_8).length;
        String requests = "GET /api/v1/notices/a HTTP/1.1\r\nHost: gw\r\nAuthorization: " + bearer + "\r\n\r\n"
                + "GET /api/v1/grid/tasks?status=OPEN HTTP/1.1\r\nHost: gw\r\n\r\n"
                + "POST /api/v1/notices HTTP/1.1\r\nHost: gw\r\nAuthorization: " + bearer
                + "\r\nContent-Type: application/json\r\nContent-Length: " + length + "\r\n\r\n" + body
                + "GET /api/v1/notices/b HTTP/1.1\r\nHost: gw\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket("127.0.0.1", frontDoor.port())) {
            socket.getOutputStream().write(requests.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            String answers = readAll(socket.getInputStream());
            List<String> statuses = matches(answers, "HTTP/1.1 (\\d{3})");
            List<String> uris = matches(answers, "\"uri\":\"([^\"]+)\"");
            assertEquals(List.of("200", "200", "201", "200"), statuses, answers);
            assertEquals(List.of("/api/v1/notices/a", "/api/v1/grid/tasks?status=OPEN", "/api/v1/notices",
                    "/api/v1/notices/b"), uris);
            assertTrue(answers.contains("\"bodyLength\":" + body.length()), answers);
        }
    }

    private static String readAll(InputStream in) throws Exception {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all); // the last request asks to close: the gateway ends the connection after answering it
        return all.toString(StandardCharsets.UTF_8);
    }

    private static List<String> matches(String text, String regex) {
        List<String> found = new ArrayList<>();
        Matcher matcher = Pattern.compile(regex).matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
