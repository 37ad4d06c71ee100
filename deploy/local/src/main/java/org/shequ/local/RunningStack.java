package org.shequ.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One run of {@code deploy/local/shequ up} as a user starts it, in a session of its own so that Ctrl-C can go to its
 * whole process group: what the end-to-end tests and {@code deploy/bench/startup} drive.
 */
public final class RunningStack {

    private static final String READY = "Shequ is ready";

    private final Process process;
    private final double secondsToReady;

    private RunningStack(Process process, double secondsToReady) {
        this.process = process;
        this.secondsToReady = secondsToReady;
    }

    /**
     * Starts the stack on {@code data} and waits until it says it is ready; each line it prints is echoed to
     * {@code echo} (null: kept quiet). Should this JVM die first, the stack goes with it (its own watcher then
     * stops the apps and the infrastructure).
     */
    public static RunningStack up(Path home, Path data, boolean fresh, Map<String, String> env, PrintStream echo)
            throws Exception {
        // setsid: a process group of its own, like a terminal job. env --default-signal=INT: a terminal job never
        // starts with SIGINT ignored; a JVM started with it ignored would never see Ctrl-C.
        List<String> command = new ArrayList<>(List.of("setsid", "env", "--default-signal=INT",
                home.resolve("deploy/local/shequ").toString(), "up"));
        if (fresh) {
            command.add("--fresh");
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("SHEQU_DATA_DIR", data.toString());
        builder.environment().putAll(env);
        long t0 = System.nanoTime();
        Process process = ChildProcesses.start(builder);
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread pump = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (echo != null) {
                        echo.println("[shequ] " + line);
                    }
                    if (line.startsWith(READY)) {
                        ready.complete(null);
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
            ready.completeExceptionally(new IllegalStateException("shequ up exited before it was ready"));
        }, "shequ-up-output");
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

    public double secondsToReady() {
        return secondsToReady;
    }

    /** The launcher and everything it runs, the watcher that guards them included. */
    public List<ProcessHandle> processes() {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        return all;
    }

    public List<String> memoryReport() {
        List<String> lines = new ArrayList<>();
        for (ProcessHandle p : processes()) {
            lines.add(String.format("RSS %6d MiB  %s", rssMib(p.pid()), name(p)));
        }
        return lines;
    }

    /**
     * What Ctrl-C in the terminal does: SIGINT to the foreground process group. Returns once the launcher and every
     * process it had started have ended.
     */
    public void ctrlC() throws Exception {
        List<ProcessHandle> started = processes();
        new ProcessBuilder("kill", "-INT", "--", "-" + process.pid()).inheritIO().start().waitFor();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            throw new IllegalStateException("shequ up did not exit within 90 s of Ctrl-C");
        }
        Reaper.release(process.toHandle());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        for (ProcessHandle p : started) {
            long left = Math.max(0, deadline - System.nanoTime());
            p.onExit().completeOnTimeout(p, left, TimeUnit.NANOSECONDS).join();
        }
    }

    /** What a process of the stack is: an app by the module it runs in, the rest by their command line. */
    public static String name(ProcessHandle p) {
        String command = commandLine(p.pid());
        if (command.contains("mariadbd")) {
            return "mariadbd";
        } else if (command.contains(EmbeddedKafka.class.getName())) {
            return "kafka (KRaft broker+controller)";
        } else if (command.contains(Shequ.class.getName())) {
            return "shequ launcher";
        } else if (command.contains("trap ''")) {
            return "watcher";
        }
        String cwd = workingDirectory(p.pid());
        for (Apps app : Apps.all()) {
            if (cwd.endsWith("/" + app.moduleDir() + "/target/quarkus-app")) {
                return app.name();
            }
        }
        return command.length() > 60 ? command.substring(0, 60) : command;
    }

    /** From /proc, since ProcessHandle.Info truncates the long classpaths of the JVMs. */
    public static String commandLine(long pid) {
        try {
            return Files.readString(Path.of("/proc", String.valueOf(pid), "cmdline"), StandardCharsets.UTF_8)
                    .replace('\0', ' ');
        } catch (IOException e) {
            return "?";
        }
    }

    /** Where a process runs: the apps run in their quarkus-app directory (the AppCDS archive needs it). */
    public static String workingDirectory(long pid) {
        try {
            return Files.readSymbolicLink(Path.of("/proc", String.valueOf(pid), "cwd")).toString();
        } catch (IOException e) {
            return "?";
        }
    }

    public static long rssMib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException ignored) {
            // gone
        }
        return 0;
    }
}
