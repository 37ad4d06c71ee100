package org.shequ.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Runs {@link EmbeddedKafka} in a JVM of its own, so its Scala and log4j classes never meet an app's classpath,
 * and so a test can stop the broker and start it again on the same log dir, as an outage would.
 */
public final class KafkaProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final Process process;
    private final int port;

    private KafkaProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static KafkaProcess start(Path logDir, int port, int controllerPort, Path logFile) {
        try {
            Files.createDirectories(logFile.getParent());
            // A dev broker's heap stays well under 256 MiB (its RSS after deploy/bench/startup's load: 184 MiB).
            // C1 only: a broker of the local suite or a test starts far more often than it runs hot.
            Process process = ChildProcesses.start(new ProcessBuilder(List.of(LocalClasspath.javaExecutable(),
                    "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1",
                    "-Djava.net.preferIPv4Stack=true", "-cp", LocalClasspath.get(), EmbeddedKafka.class.getName(),
                    logDir.toString(), String.valueOf(port), String.valueOf(controllerPort)))
                    .redirectErrorStream(true));
            KafkaProcess kafka = new KafkaProcess(process, port);
            kafka.awaitReady(logFile);
            return kafka;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the Kafka JVM", e);
        }
    }

    /**
     * Creates the suite's topics up front (3 partitions, idempotent), so the first event of each service does not
     * wait on auto-creation. In a real cluster the platform team creates them.
     */
    public void createTopics(List<String> topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, 3, (short) 1)).toList();
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create topics " + topics + " on " + bootstrapServers(), e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    private void awaitReady(Path logFile) {
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread pump = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                 PrintWriter log = new PrintWriter(Files.newBufferedWriter(logFile, StandardCharsets.UTF_8,
                         java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND), true)) {
                String line;
                while ((line = in.readLine()) != null) {
                    log.println(line);
                    if (line.startsWith(EmbeddedKafka.READY)) {
                        ready.complete(null);
                    }
                }
            } catch (IOException ignored) {
                // the broker went away; readiness below reports it
            }
            ready.completeExceptionally(new IllegalStateException("Kafka exited; see " + logFile));
        }, "kafka-log-pump");
        pump.setDaemon(true);
        pump.start();
        try {
            ready.get(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            close();
            throw new IllegalStateException("Kafka not ready after " + READY_TIMEOUT + "; see " + logFile, e);
        } catch (Exception e) {
            close();
            throw new IllegalStateException("Kafka did not start; see " + logFile, e);
        }
    }

    /** Stops the broker the way an operator would (SIGTERM, controlled shutdown), killing it only if it hangs. */
    @Override
    public void close() {
        ChildProcesses.stop(process, Duration.ofSeconds(60));
    }
}
