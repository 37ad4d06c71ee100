package org.shequ.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code shequ seed}: loads the sample data of the Yingze district newspaper page through the public API, as a
 * third party would: the notices here, the grid workers' clean-up in {@link GridSeed},
 * the 小饭桌 survey in {@link FoodSeed},
 * the renovations and the district's 2023 figures in {@link RenovationSeed}. Safe to run twice: a notice already
 * listed with the same title, start and first road is skipped
 * (both 停水通知 share their title and window, as printed; their roads tell them apart).
 */
final class Seed {

    /** The client the notices are loaded as, and the issuer it is registered to publish as. */
    static final String CLIENT = "seed-太原供水集团";
    static final String ISSUERS = CLIENT + "=太原供水集团有限公司";

    private final SeedClient api;
    private final DevKeys keys;
    private final String token;

    Seed(String gateway, DevKeys keys) {
        this.api = new SeedClient(gateway);
        this.keys = keys;
        this.token = keys.token("integration", CLIENT, Duration.ofMinutes(10));
    }

    void run() throws IOException, InterruptedException {
        loadGazetteer();
        loadNotices();
        new GridSeed(api, keys).run();
        new FoodSeed(api, keys).run();
        new RenovationSeed(api, keys).run();
    }

    /**
     * The roads of the page's notices, before the notices, so that these are placed along them (which side, which
     * house numbers). An entry that exists is left as it is: a city may have corrected it.
     */
    private void loadGazetteer() throws IOException, InterruptedException {
        String admin = keys.token("district-admin", "seed-district", Duration.ofMinutes(10));
        for (JsonNode road : gazetteer()) {
            String name = road.path("road").asText();
            int status = api.putUnconditionally("/api/v1/notices/gazetteer/"
                    + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"),
                    road, admin);
            System.out.println((status == 201 ? "created  " : "exists   ") + "gazetteer " + name);
        }
    }

    /** The roads in {@code seed/gazetteer.json}: their landmarks' house numbers are made up (the file says so). */
    static List<JsonNode> gazetteer() throws IOException {
        try (InputStream in = Seed.class.getResourceAsStream("/seed/gazetteer.json")) {
            List<JsonNode> roads = new ArrayList<>();
            SeedClient.JSON.readTree(in).forEach(roads::add);
            return roads;
        }
    }

    private void loadNotices() throws IOException, InterruptedException {
        for (JsonNode notice : notices()) {
            String title = notice.path("title").asText() + " " + firstRoad(notice);
            if (exists(notice)) {
                System.out.println("exists   " + title);
                continue;
            }
            api.post("/api/v1/notices", notice, token, 201);
            System.out.println("created  " + title);
        }
    }

    private boolean exists(JsonNode notice) throws IOException, InterruptedException {
        JsonNode found = api.get("/api/v1/notices" + SeedClient.query(Map.of("limit", "200", "q", firstRoad(notice))),
                null);
        Instant startsAt = OffsetDateTime.parse(notice.path("startsAt").asText()).toInstant();
        for (JsonNode item : found.path("items")) {
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
            SeedClient.JSON.readTree(in).forEach(bodies::add);
            return bodies;
        }
    }
}
