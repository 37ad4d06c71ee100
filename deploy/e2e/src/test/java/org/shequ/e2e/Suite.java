package org.shequ.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** What the end-to-end tests do as a user: the `shequ` command and HTTP calls to the gateway on localhost:8080. */
final class Suite {

    static final Path HOME = Path.of(System.getProperty("shequ.home", "../..")).toAbsolutePath().normalize();
    static final String GATEWAY = "http://localhost:8080";
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Suite() {
    }

    /** Runs {@code deploy/local/shequ ARGS} to completion and returns what it printed. */
    static String shequ(Path data, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(HOME.resolve("deploy/local/shequ").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("SHEQU_DATA_DIR", data.toString());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), out);
        return out;
    }

    /** POSTs the seed's 新建路 water outage with {@code title} through the gateway; returns the 201 response. */
    static HttpResponse<String> createWaterOutage(String token, String title, String requestId) throws Exception {
        HttpResponse<String> created = send(token, requestId, JSON.writeValueAsString(Map.of(
                "kind", "WATER_OUTAGE", "title", title, "issuer", "太原供水集团有限公司",
                "startsAt", "2024-11-26T20:00:00+08:00", "endsAt", "2024-11-27T08:00:00+08:00",
                "areas", List.of(Map.of("road", "新建路", "side", "路东", "from", "北沙河南岸", "to", "鑫磊大厦")),
                "publish", true)));
        assertEquals(201, created.statusCode(), created.body());
        return created;
    }

    /** POSTs {@code body} to /api/v1/notices through the gateway, with a bearer token unless it is null. */
    static HttpResponse<String> postNotice(String token, String body) throws Exception {
        return send(token, "e2e-" + System.nanoTime(), body);
    }

    private static HttpResponse<String> send(String token, String requestId, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(GATEWAY + "/api/v1/notices"))
                .header("X-Request-Id", requestId)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static JsonNode getJson(String url) throws IOException, InterruptedException {
        return getJson(url, null);
    }

    /** Sends JSON with a bearer token (and If-Match when given); returns the response, whatever its status. */
    static HttpResponse<String> send(String method, String url, String token, String ifMatch, Object body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** POSTs JSON and reads the answer, which must have the status given. */
    static JsonNode post(String url, String token, Object body, int expected) throws IOException, InterruptedException {
        return sent("POST", url, token, body, expected);
    }

    /** PUTs JSON without If-Match and reads the answer, which must have the status given. */
    static JsonNode put(String url, String token, Object body, int expected) throws IOException, InterruptedException {
        return sent("PUT", url, token, body, expected);
    }

    private static JsonNode sent(String method, String url, String token, Object body, int expected)
            throws IOException, InterruptedException {
        HttpResponse<String> response = send(method, url, token, null, body);
        assertEquals(expected, response.statusCode(), method + " " + url + " " + response.body());
        return JSON.readTree(response.body());
    }

    /** GETs {@code url} with a bearer token unless it is null; the answer must be a 200. */
    static JsonNode getJson(String url, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }
}
