package org.shequ.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One Quarkus app of the suite running as a child JVM, with its log in a file of its own. */
public final class AppProcess implements AutoCloseable {

    /** Beside the runner jar, so that a clean build removes it with the jar it was made for. */
    static final String CDS_ARCHIVE = "shequ-local-cds.jsa";

    /**
     * Sized and tuned for a developer machine running the whole suite at once: C1 only (a fraction of the
     * compilation work at start, and a smaller code cache), one compiler thread, the serial collector with a heap
     * sized to what an app keeps after sustained load (deploy/bench/startup measures it; the Kubernetes manifests
     * give the same), smaller thread stacks.
     */
    static final List<String> JVM_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1",
            "-XX:+UseSerialGC", "-Xms16m", "-Xmx96m", "-XX:ReservedCodeCacheSize=24m", "-Xss512k",
            "-XX:+ExitOnOutOfMemoryError", "-Djava.net.preferIPv4Stack=true");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Process process;
    private final Path logFile;

    private AppProcess(String name, int port, Process process, Path logFile) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.logFile = logFile;
    }

    public static AppProcess start(String name, Path runnerJar, int port, Map<String, String> env, Path logDir) {
        if (!Files.isRegularFile(runnerJar)) {
            throw new IllegalStateException(runnerJar + " is missing: run ./mvnw -DskipTests package");
        }
        try {
            Files.createDirectories(logDir);
            Path logFile = logDir.resolve(name + ".log");
            Path appDir = runnerJar.getParent();
            List<String> command = new ArrayList<>(List.of(LocalClasspath.javaExecutable()));
            command.addAll(JVM_FLAGS);
            command.addAll(ClassDataSharing.flags(appDir, CDS_ARCHIVE, runnerJar));
            command.addAll(List.of("-jar", runnerJar.getFileName().toString()));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(appDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(env);
            // glibc's default of up to 8 malloc arenas per core holds freed native memory in each of them.
            builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
            builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
            return new AppProcess(name, port, ChildProcesses.start(builder), logFile);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start " + name, e);
        }
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** Waits until {@code /q/health/ready} answers 200, failing fast if the app exits meanwhile. */
    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + logFile);
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + name, e);
            }
            sleep(100);
        }
        throw new IllegalStateException(name + " not ready after " + timeout + "; see " + logFile);
    }

    @Override
    public void close() {
        ChildProcesses.stop(process, Duration.ofSeconds(30));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
