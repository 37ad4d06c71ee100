package org.shequ.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.shequ.model.events.Topics;

/**
 * {@code shequ up}: the whole suite on one machine. Embedded MariaDB and Kafka unless {@code SHEQU_DB_URL} and
 * {@code SHEQU_KAFKA_BOOTSTRAP} point elsewhere, started side by side; every service and the gateway as soon as the
 * database is up, all waited on until ready.
 * Everything started is stopped again when the JVM exits (Ctrl-C included): the apps, then Kafka and MariaDB.
 */
final class LocalStack {

    private static final Duration APP_READY_TIMEOUT = Duration.ofSeconds(180);

    private final Path home;
    private final Path dataDir;
    private final Map<String, String> env;
    private final List<AppProcess> apps = new CopyOnWriteArrayList<>();
    // Set by the threads that start them, read by the shutdown hook.
    private volatile KafkaProcess broker;
    private volatile EmbeddedMariaDb database;

    LocalStack(Path home, Path dataDir, Map<String, String> env) {
        this.home = home;
        this.dataDir = dataDir;
        this.env = env;
    }

    void up(boolean fresh) {
        long t0 = System.nanoTime();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "shequ-stop"));
        if (fresh) {
            DataDirs.delete(dataDir.resolve("mariadb"));
            DataDirs.delete(dataDir.resolve("kafka"));
            System.out.println("--fresh: removed the local database and Kafka log");
        }
        Path logDir = dataDir.resolve("logs");

        // The database and the broker start side by side. The apps need only the database to start (they migrate
        // it); the broker's address is fixed up front, and their outbox and consumers wait for it by themselves.
        CompletableFuture<String> db = env.containsKey("SHEQU_DB_URL")
                ? CompletableFuture.completedFuture(env.get("SHEQU_DB_URL"))
                : CompletableFuture.supplyAsync(() -> startDatabase(t0));
        String kafka = env.get("SHEQU_KAFKA_BOOTSTRAP");
        CompletableFuture<Void> brokerReady = CompletableFuture.completedFuture(null);
        if (kafka == null) {
            int port = Integer.parseInt(env.getOrDefault("SHEQU_KAFKA_PORT", "19092"));
            kafka = "127.0.0.1:" + port;
            brokerReady = CompletableFuture.runAsync(() -> startBroker(t0, port, logDir));
        }
        Map<String, String> appEnv = appEnvironment(db.join(), kafka);

        List<AppProcess> apps = Apps.all().stream()
                .map(app -> AppProcess.start(app.name(), app.runnerJar(home), app.port(), appEnv, logDir))
                .toList();
        this.apps.addAll(apps);
        step(t0, "apps started");
        Stream.concat(apps.stream().map(app -> CompletableFuture.runAsync(() -> {
                    app.awaitReady(APP_READY_TIMEOUT);
                    step(t0, app.name() + " ready");
                })), Stream.of(brokerReady))
                .toList()
                .forEach(CompletableFuture::join);
        step(t0, "all apps ready");

        int gateway = Apps.GATEWAY.port();
        System.out.printf("""

                Shequ is ready (%.1f s).
                  Gateway      http://localhost:%d
                  Swagger UI   http://localhost:%d/q/swagger-ui
                  Health       http://localhost:%d/q/health/ready
                  Logs         %s
                  Dev token    deploy/local/shequ token community-admin
                Press Ctrl-C to stop.
                """, seconds(t0), gateway, gateway, gateway, logDir);
        System.out.flush();
    }

    private String startDatabase(long t0) {
        int port = Integer.parseInt(env.getOrDefault("SHEQU_DB_PORT", "13306"));
        database = EmbeddedMariaDb.start(dataDir.resolve("mariadb"), port, false);
        step(t0, "MariaDB 11.4 on 127.0.0.1:" + port);
        return database.serverUrl();
    }

    private void startBroker(long t0, int port, Path logDir) {
        broker = KafkaProcess.start(dataDir.resolve("kafka"), port, port + 1, logDir.resolve("kafka.log"));
        broker.createTopics(Topics.all());
        step(t0, "Kafka (KRaft) on " + broker.bootstrapServers());
    }

    private Map<String, String> appEnvironment(String dbUrl, String kafka) {
        Map<String, String> appEnv = new HashMap<>();
        appEnv.put("SHEQU_DB_URL", dbUrl);
        appEnv.put("SHEQU_KAFKA_BOOTSTRAP", kafka);
        appEnv.put("SHEQU_JWT_PUBLIC_KEY", new DevKeys(dataDir.resolve("keys")).publicKey().toString());
        appEnv.put("SHEQU_JWT_ISSUER", DevKeys.ISSUER);
        // The apps run their prod profile, which has no database conveniences; a dev stack asks for them here.
        appEnv.put("SHEQU_DB_USER", env.getOrDefault("SHEQU_DB_USER", "root"));
        appEnv.put("SHEQU_DB_OPTIONS", env.getOrDefault("SHEQU_DB_OPTIONS", DEV_DB_OPTIONS));
        passThrough(appEnv, "SHEQU_DB_PASSWORD", "SHEQU_DB_SSL_MODE", "SHEQU_HTTP_TRUSTED_PROXIES");
        // The seed's utility publishes as the water company it stands for (its client registration).
        appEnv.put("SHEQU_NOTICES_ISSUERS", env.getOrDefault("SHEQU_NOTICES_ISSUERS", Seed.ISSUERS));
        // Webhook receivers a developer runs on this machine are on loopback, which production refuses.
        appEnv.put("SHEQU_WEBHOOKS_ALLOWED_PRIVATE_HOSTS", env.getOrDefault("SHEQU_WEBHOOKS_ALLOWED_PRIVATE_HOSTS",
                "127.0.0.1"));
        for (Apps service : Apps.SERVICES) {
            appEnv.put(service.urlVariable(), service.url());
        }
        return appEnv;
    }

    /**
     * The apps first, all at once (they flush their outbox and commit their consumers on the way out), then the
     * broker, then the database.
     */
    private void stopAll() {
        apps.parallelStream().forEach(LocalStack::stop);
        Stream.of(broker, database).filter(Objects::nonNull).forEach(LocalStack::stop);
        System.out.println("Shequ stopped.");
    }

    private static void stop(AutoCloseable part) {
        try {
            part.close();
        } catch (Exception e) {
            System.err.println("stop: " + e.getMessage());
        }
    }

    /** A database made on first connection, no TLS: what a laptop's MariaDB needs, never a default in prod. */
    static final String DEV_DB_OPTIONS = "createDatabaseIfNotExist=true&sslMode=DISABLED&allowPublicKeyRetrieval=true";

    private void passThrough(Map<String, String> target, String... names) {
        for (String name : names) {
            if (env.containsKey(name)) {
                target.put(name, env.get(name));
            }
        }
    }

    private static void step(long t0, String what) {
        System.out.printf("[%5.1f s] %s%n", seconds(t0), what);
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
