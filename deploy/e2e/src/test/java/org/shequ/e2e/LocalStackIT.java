package org.shequ.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The README's run command, exactly as a user types it: {@code deploy/local/shequ up} on a clean data dir, a notice
 * created and read back through the gateway on localhost:8080, Ctrl-C, and no process left behind; then a warm
 * start that still has the notice. Prints the measured start times and each process's RSS.
 */
class LocalStackIT {

    private static final Path HOME = Path.of(System.getProperty("shequ.home", "../..")).toAbsolutePath().normalize();
    private static final Path DATA = HOME.resolve("deploy/e2e/target/e2e-data");
    private static final String GATEWAY = "http://localhost:8080";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void upServesTheSuiteThroughTheGatewayAndCtrlCLeavesNothingBehind() throws Exception {
        List<String> report = new ArrayList<>();

        Stack cold = Stack.up(true);
        report.add(String.format("cold start (--fresh, empty data dir): %.1f s to \"ready\"", cold.secondsToReady));
        String token = shequ("token", "community-admin").strip();

        String title = "停水通知：新建路路东（北沙河南岸—鑫磊大厦）𠮷";
        String requestId = "e2e-" + System.nanoTime();
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(GATEWAY + "/api/v1/notices"))
                .header("Authorization", "Bearer " + token)
                .header("X-Request-Id", requestId)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of(
                        "kind", "WATER_OUTAGE", "title", title, "issuer", "太原供水集团有限公司",
                        "startsAt", "2024-11-26T20:00:00+08:00", "endsAt", "2024-11-27T08:00:00+08:00",
                        "areas", List.of(Map.of("road", "新建路", "side", "路东", "from", "北沙河南岸", "to", "鑫磊大厦")),
                        "publish", true)), StandardCharsets.UTF_8))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(201, created.statusCode(), created.body());
        String location = created.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(GATEWAY + "/api/v1/notices/"), location);
        assertEquals(requestId, created.headers().firstValue("X-Request-Id").orElseThrow());

        JsonNode notice = getJson(location);
        assertEquals(title, notice.path("title").asText());
        assertEquals("路东", notice.path("areas").path(0).path("side").asText());
        assertEquals("鑫磊大厦", notice.path("areas").path(0).path("to").asText());

        assertLoggedAsJsonWithRequestId("notices", requestId);
        assertLoggedAsJsonWithRequestId("gateway", requestId);

        report.addAll(cold.memoryReport());
        List<ProcessHandle> started = cold.processes();
        cold.ctrlC();
        for (ProcessHandle process : started) {
            assertFalse(process.isAlive(), "still running after Ctrl-C: " + describe(process));
        }
        assertTrue(leftovers().isEmpty(), "left behind: " + leftovers());

        Stack warm = Stack.up(false);
        report.add(String.format("warm start (data kept): %.1f s to \"ready\"", warm.secondsToReady));
        try {
            assertEquals(title, getJson(location).path("title").asText(), "the notice survives a restart");
        } finally {
            warm.ctrlC();
        }
        assertTrue(leftovers().isEmpty(), "left behind: " + leftovers());

        report.forEach(line -> System.out.println("[e2e] " + line));
        Files.write(HOME.resolve("deploy/e2e/target/e2e-report.txt"), report);
    }

    /** The request id the gateway kept reached the service, and both log it in structured JSON lines. */
    private static void assertLoggedAsJsonWithRequestId(String app, String requestId) throws IOException {
        List<String> lines = Files.readAllLines(DATA.resolve("logs").resolve(app + ".log"), StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains(requestId))
                .toList();
        assertFalse(lines.isEmpty(), app + ".log has no line with " + requestId);
        JsonNode line = JSON.readTree(lines.get(0));
        assertEquals(app, line.path("service").asText(), lines.get(0));
        assertTrue(line.path("message").asText().contains("POST /api/v1/notices"), lines.get(0));
    }

    private static JsonNode getJson(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    /** java or mariadbd processes started from this test's data dir or this checkout's apps that are still alive. */
    private static List<String> leftovers() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(DATA.toString())
                        || c.contains(HOME.resolve("services").toString()) || c.contains(HOME.resolve("gateway").toString())
                        || c.contains("org.shequ.local")).orElse(false))
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .map(LocalStackIT::describe)
                .toList();
    }

    private static String describe(ProcessHandle p) {
        return p.pid() + " " + p.info().command().orElse("?");
    }

    private static String shequ(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(HOME.resolve("deploy/local/shequ").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false);
        builder.environment().put("SHEQU_DATA_DIR", DATA.toString());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), out);
        return out;
    }

    /** One run of {@code shequ up}, in a session of its own so Ctrl-C can go to its whole process group. */
    private static final class Stack {
        final Process process;
        final double secondsToReady;

        private Stack(Process process, double secondsToReady) {
            this.process = process;
            this.secondsToReady = secondsToReady;
        }

        static Stack up(boolean fresh) throws Exception {
            // setsid: a process group of its own, like a terminal job. env --default-signal=INT: a terminal job never
            // starts with SIGINT ignored, even when this test itself was started from a non-interactive background job.
            List<String> command = new ArrayList<>(List.of("setsid", "env", "--default-signal=INT",
                    HOME.resolve("deploy/local/shequ").toString(), "up"));
            if (fresh) {
                command.add("--fresh");
            }
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("SHEQU_DATA_DIR", DATA.toString());
            long t0 = System.nanoTime();
            Process process = builder.start();
            CompletableFuture<Void> ready = new CompletableFuture<>();
            Thread pump = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = out.readLine()) != null) {
                        System.out.println("[shequ] " + line);
                        if (line.startsWith("Shequ is ready")) {
                            ready.complete(null);
                        }
                    }
                } catch (IOException ignored) {
                    // the process ended
                }
                ready.completeExceptionally(new AssertionError("shequ up exited before it was ready"));
            });
            pump.setDaemon(true);
            pump.start();
            try {
                ready.get(300, TimeUnit.SECONDS);
            } catch (Exception e) {
                process.descendants().forEach(ProcessHandle::destroy);
                process.destroy();
                throw e;
            }
            return new Stack(process, (System.nanoTime() - t0) / 1e9);
        }

        List<ProcessHandle> processes() {
            List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
            all.add(process.toHandle());
            return all;
        }

        List<String> memoryReport() {
            List<String> lines = new ArrayList<>();
            for (ProcessHandle p : processes()) {
                lines.add(String.format("RSS %6d MiB  %s", rssKib(p.pid()) / 1024, name(p)));
            }
            return lines;
        }

        /** What Ctrl-C in the terminal does: SIGINT to the foreground process group. */
        void ctrlC() throws Exception {
            new ProcessBuilder("kill", "-INT", "--", "-" + process.pid()).inheritIO().start().waitFor();
            assertTrue(process.waitFor(90, TimeUnit.SECONDS), "shequ up did not exit within 90 s of Ctrl-C");
            Thread.sleep(500);
        }

        private static String name(ProcessHandle p) {
            String cmd = commandLine(p.pid());
            if (cmd.contains("mariadbd")) {
                return "mariadbd";
            }
            if (cmd.contains("EmbeddedKafka")) {
                return "kafka (KRaft broker+controller)";
            }
            if (cmd.contains("org.shequ.local.Shequ")) {
                return "shequ launcher";
            }
            for (String app : new String[] {"notices", "grid-tasks", "food-inspections", "renovations", "gateway"}) {
                if (cmd.contains("/" + app + "/target/quarkus-app")) {
                    return app;
                }
            }
            return cmd.length() > 60 ? cmd.substring(0, 60) : cmd;
        }

        /** From /proc, since ProcessHandle.Info truncates the long classpaths of the JVMs. */
        private static String commandLine(long pid) {
            try {
                return new String(Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "cmdline")), StandardCharsets.UTF_8)
                        .replace('\0', ' ');
            } catch (IOException e) {
                return "?";
            }
        }

        private static long rssKib(long pid) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("\\D", ""));
                    }
                }
            } catch (IOException ignored) {
                // gone
            }
            return 0;
        }
    }
}
