package org.shequ.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
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
 * Answers as they pass the edge: streamed or compressed, bodiless ones keeping the connection, requests sent together
 * answered in order whatever their method and service.
 */
@QuarkusTest
@QuarkusTestResource(value = StubServices.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = ShequInfraResource.class, restrictToAnnotatedClass = true)
class EdgeProxyingTest extends ThroughTheEdge {

    @Test
    void aStreamedAnswerArrivesWholeAndIsCompressedWhenTheClientAcceptsIt() throws Exception {
        var client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        var uri = java.net.URI.create("http://127.0.0.1:" + edge.port() + "/api/v1/notices/streamed");
        var plain = client.send(java.net.http.HttpRequest.newBuilder(uri).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, plain.statusCode());
        assertEquals("chunked", plain.headers().firstValue("Transfer-Encoding").orElse(null), "streamed on as it came");
        assertTrue(plain.body().endsWith("{\"id\":\"n-299\",\"title\":\"停水通知\"}]}"), plain.body());

        var gzipped = client.send(java.net.http.HttpRequest.newBuilder(uri).header("Accept-Encoding", "gzip").build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElse(null));
        assertEquals("Accept-Encoding", gzipped.headers().firstValue("Vary").orElse(null));
        try (var unzipped = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped.body()))) {
            assertEquals(plain.body(), new String(unzipped.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void anAnswerWithoutABodyKeepsTheConnectionOpen() throws Exception {
        String answers = send("GET /api/v1/notices/unchanged HTTP/1.1\r\nHost: gw\r\nIf-None-Match: \"7\"\r\n\r\n"
                + "HEAD /api/v1/notices/n-1 HTTP/1.1\r\nHost: gw\r\n\r\n"
                + "GET /api/v1/notices/n-1 HTTP/1.1\r\nHost: gw\r\nConnection: close\r\n\r\n");
        assertEquals(List.of("304", "200", "200"), matches(answers, "HTTP/1.1 (\\d{3})"), answers);
        assertEquals(1, matches(answers, "(Connection: close)").size(), "only the last asked to close: " + answers);
        assertTrue(answers.endsWith("\"bodyLength\":0,\"body\":null}"), answers);
    }

    @Test
    void aWriteThatOffersAnUpgradeToH2cIsServedAsHttp11() throws Exception {
        String bearer = "Bearer " + TestInfra.get().token("community-admin");
        String body = "{\"title\":\"停水通知\"}";
        String answer = send("POST /api/v1/notices HTTP/1.1\r\nHost: gw\r\nAuthorization: " + bearer
                + "\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAAQAAP__\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length
                + "\r\nConnection: close\r\n\r\n" + body);
        assertTrue(answer.startsWith("HTTP/1.1 201 "), answer);
        assertTrue(answer.contains("\"bodyLength\":" + body.length()), answer);
    }

    /** One request on a connection of its own, as sent; the whole answer. */
    private String send(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", edge.port())) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            return readAll(socket.getInputStream());
        }
    }

    @Test
    void requestsSentTogetherOnOneConnectionAreAnsweredInOrder() throws Exception {
        String bearer = "Bearer " + TestInfra.get().token("community-admin");
        String body = "{\"title\":\"停水通知\"}";
        int length = body.getBytes(StandardCharsets.UTF_8).length;
        String requests = "GET /api/v1/notices/a HTTP/1.1\r\nHost: gw\r\nAuthorization: " + bearer + "\r\n\r\n"
                + "GET /api/v1/grid/tasks?status=OPEN HTTP/1.1\r\nHost: gw\r\n\r\n"
                + "POST /api/v1/notices HTTP/1.1\r\nHost: gw\r\nAuthorization: " + bearer
                + "\r\nContent-Type: application/json\r\nContent-Length: " + length + "\r\n\r\n" + body
                + "GET /api/v1/notices/b HTTP/1.1\r\nHost: gw\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket("127.0.0.1", edge.port())) {
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
