package org.shequ.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Every app's metrics as Prometheus scrapes them, through promtool's linter (deploy/metrics-lint). */
final class MetricsAcrossServices {

    /** The gateway serves /q/metrics on its management port (the services on their own, Apps.SERVICES). */
    private static final int GATEWAY_MANAGEMENT_PORT = 9080;

    private MetricsAcrossServices() {
    }

    /** promtool reports nothing on shequ_* in any app's scrape; returns a report line with what it said of the rest. */
    static String promtoolFindsNothingOnTheProjectsMetrics() throws Exception {
        Path dir = Suite.HOME.resolve("deploy/e2e/target/metrics");
        Files.createDirectories(dir);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<String> command = new ArrayList<>(List.of(Suite.HOME.resolve("deploy/metrics-lint").toString()));
        Map<String, Integer> scraped = new LinkedHashMap<>();
        org.shequ.local.Apps.SERVICES.forEach(app -> scraped.put(app.name(), app.port()));
        scraped.put(org.shequ.local.Apps.GATEWAY.name(), GATEWAY_MANAGEMENT_PORT);
        for (Map.Entry<String, Integer> app : scraped.entrySet()) {
            HttpResponse<String> scrape = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + app.getValue() + "/q/metrics"))
                    // What Prometheus asks for: the text format, not OpenMetrics (whose escapes promtool refuses).
                    .header("Accept", "text/plain;version=0.0.4").timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, scrape.statusCode(), app.getKey());
            assertTrue(scrape.body().contains("# HELP shequ_"), app.getKey() + " serves its own metrics");
            Path file = dir.resolve(app.getKey() + ".prom");
            Files.writeString(file, scrape.body());
            command.add(file.toString());
        }
        Process lint = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String out = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(lint.waitFor(300, TimeUnit.SECONDS), out);
            assertEquals(0, lint.exitValue(), out);
            long frameworks = out.lines().filter(line -> line.contains(".prom: ")).count();
            return "promtool check metrics: 0 findings on shequ_* in " + scraped.size() + " apps' scrapes, "
                    + frameworks + " on the frameworks' metrics (left: their names and HELP are not the project's)";
        } finally {
            lint.destroyForcibly();
        }
    }
}
