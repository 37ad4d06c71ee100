package org.shequ.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shequ.local.RunningStack;
import org.shequ.local.DataDirs;
import org.shequ.local.EmbeddedMariaDb;
import org.shequ.local.KafkaProcess;
import org.shequ.local.LoopbackPorts;

/**
 * With {@code SHEQU_DB_URL} and {@code SHEQU_KAFKA_BOOTSTRAP} set, {@code shequ up} starts no database or broker of
 * its own: the services write to the given server and publish to the given broker.
 */
class ExternalInfrastructureIT {

    private static final Path DATA = Suite.HOME.resolve("deploy/e2e/target/external-data");

    @Test
    void upUsesTheDatabaseAndBrokerItIsGiven() throws Exception {
        DataDirs.delete(DATA);
        int kafkaPort = LoopbackPorts.free();
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(DATA.resolve("their-mariadb"), LoopbackPorts.free());
             KafkaProcess kafka = KafkaProcess.start(DATA.resolve("their-kafka"), kafkaPort, LoopbackPorts.free(),
                     DATA.resolve("their-kafka.log"))) {
            RunningStack stack = RunningStack.up(Suite.HOME, DATA.resolve("stack"), true,
                    Map.of("SHEQU_DB_URL", db.serverUrl(), "SHEQU_KAFKA_BOOTSTRAP", kafka.bootstrapServers()),
                    System.out);
            try {
                for (ProcessHandle process : stack.processes()) {
                    String name = RunningStack.name(process);
                    assertTrue(!name.equals("mariadbd") && !name.startsWith("kafka"), "shequ up started " + name);
                }
                String token = Suite.shequ(DATA.resolve("stack"), "token", "district-admin").strip();
                String location = Suite.createWaterOutage(token, "外部数据库中的停水通知", "ext-1")
                        .headers().firstValue("Location").orElseThrow();
                String id = location.substring(location.lastIndexOf('/') + 1);

                try (Connection c = DriverManager.getConnection(db.serverUrl() + "/shequ_notices", "root", "");
                     Statement s = c.createStatement()) {
                    ResultSet row = s.executeQuery("select title from notice where id = '" + id + "'");
                    assertTrue(row.next(), "notice row in the given database");
                    assertEquals("外部数据库中的停水通知", row.getString(1));
                    assertTrue(publishedWithin(s, id, Duration.ofSeconds(60)), "event published to the given broker");
                }
            } finally {
                stack.ctrlC();
            }
        } finally {
            DataDirs.delete(DATA);
        }
    }

    /** The relay marks a row published only after the broker acknowledged it (acks=all). */
    private static boolean publishedWithin(Statement s, String id, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            ResultSet rs = s.executeQuery("select count(*) from outbox_event where aggregate_id = '" + id
                    + "' and published_at is not null");
            rs.next();
            if (rs.getInt(1) == 1) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }
}
