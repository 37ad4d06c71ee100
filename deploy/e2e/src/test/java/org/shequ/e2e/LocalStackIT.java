package org.shequ.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shequ.local.RunningStack;
import org.shequ.local.TopicReader;

/**
 * The README's run command, exactly as a user types it: {@code deploy/local/shequ up} on a clean data dir, a notice
 * created and read back through the gateway on localhost:8080, Ctrl-C, and no process left behind; then a warm
 * start that still has the notice. Prints the measured start times and each process's RSS.
 */
class LocalStackIT {

    private static final Path HOME = Suite.HOME;
    private static final Path DATA = HOME.resolve("deploy/e2e/target/e2e-data");
    private static final String GATEWAY = Suite.GATEWAY;

    @Test
    void upServesTheSuiteThroughTheGatewayAndCtrlCLeavesNothingBehind() throws Exception {
        List<String> report = new ArrayList<>();

        RunningStack cold = RunningStack.up(HOME, DATA, true, Map.of(), System.out);
        report.add(String.format("cold start (--fresh, empty data dir): %.1f s to \"ready\"", cold.secondsToReady()));
        String token = Suite.shequ(DATA, "token", "community-admin", "e2e-admin", "--community", "新建南路第一社区").strip();

        String title = "停水通知：新建路路东（北沙河南岸—鑫磊大厦）𠮷";
        String requestId = "e2e-" + System.nanoTime();
        HttpResponse<String> created = Suite.createWaterOutage(token, title, requestId);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(GATEWAY + "/api/v1/notices/"), location);
        assertEquals(requestId, created.headers().firstValue("X-Request-Id").orElseThrow());

        JsonNode notice = Suite.getJson(location);
        assertEquals(title, notice.path("title").asText());
        assertEquals("路东", notice.path("areas").path(0).path("side").asText());
        assertEquals("鑫磊大厦", notice.path("areas").path(0).path("to").asText());

        String id = location.substring(location.lastIndexOf('/') + 1);
        assertEquals(1, TopicReader.read("127.0.0.1:19092", "shequ.notices.v1", r -> id.equals(r.key()), 1,
                Duration.ofSeconds(3), Duration.ofSeconds(60)).size(), "the published notice's CloudEvent on the embedded broker");

        assertEquals(401, Suite.postNotice(null, "{}").statusCode(), "no token, through the gateway");
        HttpResponse<String> invalid = Suite.postNotice(token, "{\"kind\":\"EARTHQUAKE\"}");
        assertEquals(400, invalid.statusCode());
        assertEquals("application/problem+json", invalid.headers().firstValue("Content-Type").orElseThrow());

        String atTenPm = GATEWAY + "/api/v1/notices?limit=200&activeAt=2024-11-26T22:00%2B08:00";
        int before = Suite.getJson(atTenPm).path("items").size();
        Suite.shequ(DATA, "seed");
        Suite.shequ(DATA, "seed");
        JsonNode seeded = Suite.getJson(atTenPm).path("items");
        assertEquals(before + 2, seeded.size(), "the seed's two 停水通知, once each after seeding twice");
        assertEquals(1, Suite.getJson(GATEWAY + "/api/v1/notices?q=" + java.net.URLEncoder.encode("惠远西街",
                java.nio.charset.StandardCharsets.UTF_8)).path("items").size(), "the 兴农路 notice, once");
        assertGridSeedReadsOneOf54();
        assertFailedInspectionBecameOneFollowUpTask();
        RenovationsAcrossServices.seededFiguresAndTheAnsweredWish();
        RenovationsAcrossServices.disruptionBecomesOneNotice(DATA);
        WebhooksAcrossServices.publishedNoticeReachesTheSubscriberSigned(DATA);
        GatewayAcrossServices.tamperedTokenNeverReachesTheService(DATA, token);
        GatewayAcrossServices.neighbourhoodOfASeededCompound();
        GatewayAcrossServices.publishedNoticeArrivesOnTheEventStream(token);
        GatewayAcrossServices.mergedOpenApiPassesSpectral();
        report.add(MetricsAcrossServices.promtoolFindsNothingOnTheProjectsMetrics());
        GatewayAcrossServices.generatedClientCreatesReadsChangesAndListsTyped(token);
        GatewayAcrossServices.theRequestsTraceReachesTheEventOnTheTopic(token);
        GatewayAcrossServices.aRetriedCreateIsOneNoticeAndOneEvent(token);

        assertLoggedAsJsonWithRequestId("notices", requestId);
        assertLoggedAsJsonWithRequestId("gateway", requestId);

        report.addAll(cold.memoryReport());
        List<ProcessHandle> started = cold.processes();
        cold.ctrlC();
        for (ProcessHandle process : started) {
            assertFalse(process.isAlive(), "still running after Ctrl-C: " + describe(process));
        }
        assertTrue(leftovers().isEmpty(), "left behind: " + leftovers());

        RunningStack warm = RunningStack.up(HOME, DATA, false, Map.of(), System.out);
        report.add(String.format("warm start (data kept): %.1f s to \"ready\"", warm.secondsToReady()));
        try {
            assertEquals(title, Suite.getJson(location).path("title").asText(), "the notice survives a restart");
        } finally {
            warm.ctrlC();
        }
        assertTrue(leftovers().isEmpty(), "left behind: " + leftovers());

        report.forEach(line -> System.out.println("[e2e] " + line));
        Files.write(HOME.resolve("deploy/e2e/target/e2e-report.txt"), report);
    }

    /**
     * The seed's clean-up of 胜利东街7号院, read as an admin of 富力城社区 would (a token with the community claim):
     * the 54-building campaign reads 1 of 54 after seeding twice, its one task done with 80 spots cleared.
     */
    private static void assertGridSeedReadsOneOf54() throws Exception {
        String admin = Suite.shequ(DATA, "token", "community-admin", "e2e-admin", "--community", "富力城社区").strip();
        JsonNode campaigns = Suite.getJson(GATEWAY + "/api/v1/grid/campaigns", admin).path("items");
        assertEquals(1, campaigns.size(), campaigns.toString());
        JsonNode progress = campaigns.path(0).path("progress");
        assertEquals(1, progress.path("done").asInt(), progress.toString());
        assertEquals(54, progress.path("target").asInt(), progress.toString());
        JsonNode tasks = Suite.getJson(GATEWAY + "/api/v1/grid/tasks?campaignId=" + campaigns.path(0).path("id").asText(),
                admin).path("items");
        assertEquals(1, tasks.size(), tasks.toString());
        assertEquals("DONE", tasks.path(0).path("status").asText());
        assertEquals(80, tasks.path(0).path("outcome").path("spotsCleared").asInt());
        assertEquals(2, tasks.path(0).path("helpers").size());
    }

    /**
     * Across two services through the real broker: the seed's FAIL inspection of 阳光午托 (food-inspections) became
     * one FOOD_SAFETY_FOLLOW_UP task in the grid of 双塔寺一社区 (grid-tasks), though the seed ran twice.
     */
    private static void assertFailedInspectionBecameOneFollowUpTask() throws Exception {
        String admin = Suite.shequ(DATA, "token", "community-admin", "e2e-admin", "--community", "双塔寺一社区").strip();
        String community = java.net.URLEncoder.encode("双塔寺一社区", StandardCharsets.UTF_8);
        String providerId = null;
        for (JsonNode provider : Suite.getJson(GATEWAY + "/api/v1/food-safety/public/providers?community=" + community)
                .path("items")) {
            if (provider.path("name").asText().equals("阳光午托")) {
                providerId = provider.path("id").asText();
                assertEquals("PASS", provider.path("latestOutcome").asText(), "the follow-up passed");
                assertEquals("张*", provider.path("operatorName").asText());
            }
        }
        assertTrue(providerId != null, "阳光午托 is in the parents' view");
        String url = GATEWAY + "/api/v1/grid/tasks?category=FOOD_SAFETY_FOLLOW_UP";
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode tasks = Suite.getJson(url, admin).path("items");
        while (tasks.size() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            tasks = Suite.getJson(url, admin).path("items");
        }
        assertEquals(1, tasks.size(), tasks.toString());
        assertEquals(providerId, tasks.path(0).path("origin").path("providerId").asText());
        assertEquals("SYSTEM", tasks.path(0).path("source").asText());
    }

    /** The request id the gateway kept reached the service, and both log it in structured JSON lines. */
    private static void assertLoggedAsJsonWithRequestId(String app, String requestId) throws IOException {
        List<String> lines = Files.readAllLines(DATA.resolve("logs").resolve(app + ".log"), StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains(requestId))
                .toList();
        assertFalse(lines.isEmpty(), app + ".log has no line with " + requestId);
        JsonNode line = Suite.JSON.readTree(lines.get(0));
        assertEquals(app, line.path("service").asText(), lines.get(0));
        assertTrue(line.path("message").asText().contains("POST /api/v1/notices"), lines.get(0));
    }

    /** java or mariadbd processes started from this test's data dir or this checkout's apps that are still alive. */
    private static List<String> leftovers() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .filter(p -> {
                    String c = RunningStack.commandLine(p.pid());
                    return c.contains(DATA.toString()) || c.contains("org.shequ.local.Shequ")
                            || c.contains("quarkus-run.jar")
                            && RunningStack.workingDirectory(p.pid()).startsWith(HOME.toString());
                })
                .map(LocalStackIT::describe)
                .toList();
    }

    private static String describe(ProcessHandle p) {
        return p.pid() + " " + p.info().command().orElse("?");
    }

}
