package org.shequ.gateway;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * One stub per service, the way they really run: notices and grid-tasks in JVMs of their own (so a test can freeze
 * one with SIGSTOP and kill the other), food-inspections in process, and renovations over TLS with a certificate
 * made for this run, which the gateway trusts through {@code shequ.gateway.trust-certs}. Every upstream URL is given
 * without a path; the TLS one is also reached by name ({@code localhost}) rather than address.
 */
public class SeparateStubs implements QuarkusTestResourceLifecycleManager {

    static Process notices;
    static Process gridTasks;
    private static StubServer food;
    private static StubServer renovations;

    @Override
    public Map<String, String> start() {
        try {
            int noticesPort = StubServices.freePort();
            int gridPort = StubServices.freePort();
            int foodPort = StubServices.freePort();
            int renovationsPort = StubServices.freePort();
            notices = child(noticesPort, "notices");
            gridTasks = child(gridPort, "grid-tasks");
            food = StubServer.http(foodPort, "food-inspections", () -> true);
            Path tls = Files.createTempDirectory("gateway-tls");
            renovations = StubServer.wrap(httpsServer(renovationsPort, tls), "renovations");
            awaitListening(noticesPort);
            awaitListening(gridPort);
            return Map.ofEntries(Map.entry("shequ.gateway.upstreams.notices.url", "http://127.0.0.1:" + noticesPort),
                    Map.entry("shequ.gateway.upstreams.grid-tasks.url", "http://127.0.0.1:" + gridPort),
                    Map.entry("shequ.gateway.upstreams.food-inspections.url", "http://127.0.0.1:" + foodPort),
                    Map.entry("shequ.gateway.upstreams.renovations.url", "https://localhost:" + renovationsPort),
                    Map.entry("shequ.gateway.upstreams.webhooks.url", "http://127.0.0.1:" + foodPort),
                    Map.entry("shequ.gateway.trust-certs", tls.resolve("ca.pem").toString()),
                    Map.entry("shequ.gateway.timeout", "PT2S"),
                    Map.entry("shequ.gateway.breaker.failure-threshold", "3"),
                    Map.entry("shequ.gateway.breaker.open-for", "PT1S"),
                    Map.entry("shequ.gateway.neighbourhood.deadline", "PT0.5S"),
                    Map.entry("shequ.gateway.probe-interval", "PT0.2S"),
                    Map.entry("quarkus.management.test-port", String.valueOf(StubServices.freePort())));
        } catch (Exception e) {
            throw new IllegalStateException("Stub services did not start", e);
        }
    }

    @Override
    public void stop() {
        for (Process process : new Process[] {notices, gridTasks}) {
            if (process != null) {
                signal(process, "CONT");
                process.destroyForcibly();
            }
        }
        food.stop();
        renovations.stop();
    }

    static void signal(Process process, String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).inheritIO().start()
                    .waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Process child(int port, String name) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process stub = new ProcessBuilder(java, "-Xmx32m", "-cp", Path.of("target", "test-classes").toString(),
                StubServer.class.getName(), String.valueOf(port), name)
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", "stub-" + name + ".log").toFile())
                .start();
        org.shequ.local.Reaper.guard(stub.toHandle());
        return stub;
    }

    private static void awaitListening(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("stub on port " + port + " did not start");
    }

    /** A self-signed certificate for localhost/127.0.0.1, made with the JDK's keytool, served by a JDK HTTPS server. */
    private static HttpsServer httpsServer(int port, Path dir) throws Exception {
        Path keystore = dir.resolve("stub.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(List.of(keytool, "-genkeypair", "-alias", "stub", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", "changeit", "-keypass", "changeit"));
        run(List.of(keytool, "-exportcert", "-rfc", "-alias", "stub", "-keystore", keystore.toString(),
                "-storepass", "changeit", "-file", dir.resolve("ca.pem").toString()));
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(keystore.toFile())) {
            keys.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(managers.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        return server;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(command.get(1) + " failed: " + output);
        }
    }
}
