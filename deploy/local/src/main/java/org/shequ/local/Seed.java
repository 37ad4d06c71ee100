package org.shequ.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code shequ seed}: loads the sample data of the Yingze district newspaper page through the public API, as a
 * third party would. Safe to run twice: a notice already listed with the same title, start and first road is skipped
 * (both 停水通知 share their title and window, as printed; their roads tell them apart).
 */
final class Seed {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String gateway;
    private final String token;

    Seed(String gateway, String token) {
        this.gateway = gateway;
        this.token = token;
    }

    void run() throws IOException, InterruptedException {
        for (JsonNode notice : notices()) {
            String title = notice.path("title").asText() + " " + firstRoad(notice);
            if (exists(notice)) {
                System.out.println("exists   " + title);
                continue;
            }
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/notices"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(notice), StandardCharsets.UTF_8))
                    .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (created.statusCode() != 201) {
                throw new IllegalStateException("POST /api/v1/notices → " + created.statusCode() + ": " + created.body());
            }
            System.out.println("created  " + title + " → " + created.headers().firstValue("Location").orElse("?"));
        }
    }

    private boolean exists(JsonNode notice) throws IOException, InterruptedException {
        HttpResponse<String> found = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/notices?limit=200&q="
                + URLEncoder.encode(firstRoad(notice), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (found.statusCode() != 200) {
            throw new IllegalStateException("GET /api/v1/notices → " + found.statusCode() + ": " + found.body());
        }
        Instant startsAt = OffsetDateTime.parse(notice.path("startsAt").asText()).toInstant();
        for (JsonNode item : JSON.readTree(found.body()).path("items")) {
            if (notice.path("title").asText().equals(item.path("title").asText())
                    && firstRoad(notice).equals(firstRoad(item))
                    && startsAt.equals(OffsetDateTime.parse(item.path("startsAt").asText()).toInstant())) {
                return true;
            }
        }
        return false;
    }

    private static String firstRoad(JsonNode notice) {
        return notice.path("areas").path(0).path("road").asText();
    }

    /** The request bodies in {@code seed/notices.json}: the two 停水通知 of 2024-11-26. */
    static List<JsonNode> notices() throws IOException {
        try (InputStream in = Seed.class.getResourceAsStream("/seed/notices.json")) {
            List<JsonNode> bodies = new ArrayList<>();
            JSON.readTree(in).forEach(bodies::add);
            return bodies;
        }
    }
}
