package org.shequ.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Whatever ends a JVM that started infrastructure (an uncaught failure, or {@code kill -9} as a surefire time-out or
 * a closed terminal does), the database and broker it started end too, and their ports are free again.
 */
class NoProcessLeftBehindTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Test
    void aTestJvmThatFailsLeavesNoDatabaseOrBrokerRunning() throws Exception {
        Abandoned run = Abandoned.start("fail");
        assertTrue(run.jvm.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS), "the failing JVM did not end");
        assertNotEquals(0, run.jvm.exitValue());
        run.assertNothingLeft();
    }

    @Test
    void aTestJvmKilledWithSigkillLeavesNoDatabaseOrBrokerRunning() throws Exception {
        Abandoned run = Abandoned.start("hang");
        run.jvm.destroyForcibly().waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        run.assertNothingLeft();
    }

    private record Abandoned(Process jvm, List<Long> children, List<Integer> ports, Path dir) {

        static Abandoned start(String how) throws IOException {
            Path dir = Path.of("target", "test-data", UUID.randomUUID().toString()).toAbsolutePath();
            List<Integer> ports = List.of(LoopbackPorts.free(), LoopbackPorts.free(), LoopbackPorts.free());
            Process jvm = new ProcessBuilder(LocalClasspath.javaExecutable(), "-Xmx128m",
                    "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                    "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                    "-cp", System.getProperty("java.class.path"), AbandonedInfrastructure.class.getName(),
                    dir.toString(), ports.get(0).toString(), ports.get(1).toString(), ports.get(2).toString(), how)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            try {
                return new Abandoned(jvm, startedChildren(jvm), ports, dir);
            } catch (RuntimeException | IOException e) {
                jvm.descendants().forEach(ProcessHandle::destroyForcibly);
                jvm.destroyForcibly();
                throw e;
            }
        }

        /** The pids it printed, each checked to be a child of that JVM: the processes that must not outlive it. */
        private static List<Long> startedChildren(Process jvm) throws IOException {
            BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(AbandonedInfrastructure.STARTED)) {
                    List<Long> pids = Arrays.stream(line.substring(AbandonedInfrastructure.STARTED.length()).trim()
                            .split(" ")).map(Long::valueOf).toList();
                    List<Long> children = jvm.children().map(ProcessHandle::pid).toList();
                    assertTrue(children.containsAll(pids), pids + " not among " + children);
                    // mariadbd, the Kafka JVM and the watcher
                    assertEquals(3, pids.size(), pids.toString());
                    return pids;
                }
            }
            throw new AssertionError("the JVM ended before starting its infrastructure");
        }

        void assertNothingLeft() throws InterruptedException {
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            for (long pid : children) {
                Optional<ProcessHandle> child = ProcessHandle.of(pid);
                while (child.isPresent() && child.get().isAlive() && System.nanoTime() < deadline) {
                    child.get().onExit().completeOnTimeout(null, 100, TimeUnit.MILLISECONDS).join();
                }
                assertTrue(child.isEmpty() || !child.get().isAlive(), "process " + pid + " outlived its JVM: "
                        + child.flatMap(p -> p.info().commandLine()).orElse("?"));
            }
            for (int port : ports) {
                assertTrue(bindable(port), "port " + port + " still taken");
            }
            DataDirs.delete(dir); // a MariaDB base and data dir per run would fill target/
        }

        private static boolean bindable(int port) {
            try (ServerSocket socket = new ServerSocket(port, 0, InetAddress.getLoopbackAddress())) {
                return true;
            } catch (IOException e) {
                return false;
            }
        }
    }
}
