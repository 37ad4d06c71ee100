package org.shequ.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** One run of {@code shequ up}, in a session of its own so Ctrl-C can go to its whole process group. */
final class RunningStack {
    final Process process;
    final double secondsToReady;

    private RunningStack(Process process, double secondsToReady) {
        this.process = process;
        this.secondsToReady = secondsToReady;
    }

    static RunningStack up(Path home, Path data, boolean fresh, Map<String, String> env) throws Exception {
        // setsid: a process group of its own, like a terminal job. env --default-signal=INT: a terminal job never
        // starts with SIGINT ignored, even when this test itself was started from a non-interactive background job.
        List<String> command = new ArrayList<>(List.of("setsid", "env", "--default-signal=INT",
                home.resolve("deploy/local/shequ").toString(), "up"));
        if (fresh) {
            command.add("--fresh");
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("SHEQU_DATA_DIR", data.toString());
        builder.environment().putAll(env);
        long t0 = System.nanoTime();
        Process process = builder.start();
        // Should this test JVM die before its clean-up, the stack goes with it (its own watcher stops the apps).
        org.shequ.local.Reaper.guard(process.toHandle());
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
        return new RunningStack(process, (System.nanoTime() - t0) / 1e9);
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

    static String name(ProcessHandle p) {
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
        for (String app : new String[] {"notices", "grid-tasks", "food-inspections", "renovations", "webhooks", "gateway"}) {
            if (cmd.contains("/" + app + "/target/quarkus-app")) {
                return app;
            }
        }
        return cmd.length() > 60 ? cmd.substring(0, 60) : cmd;
    }

    /** From /proc, since ProcessHandle.Info truncates the long classpaths of the JVMs. */
    static String commandLine(long pid) {
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
