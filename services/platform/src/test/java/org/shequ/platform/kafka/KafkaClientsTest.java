package org.shequ.platform.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.PropertiesConfigSource;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shequ.platform.config.ShequConfig;

/** A secured cluster is reached by configuration alone: the settings arrive in every client's properties. */
class KafkaClientsTest {

    @Test
    void saslAndTlsSettingsReachTheClient() {
        Map<String, Object> settings = KafkaClients.common(kafka(Map.of(
                "shequ.kafka.bootstrap", "kafka-0.kafka:9093",
                "shequ.kafka.security-protocol", "SASL_SSL",
                "shequ.kafka.sasl-mechanism", "SCRAM-SHA-512",
                "shequ.kafka.sasl-jaas-config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"notices\" password=\"s3cret\";",
                "shequ.kafka.ssl-truststore-location", "/etc/kafka/ca.p12",
                "shequ.kafka.ssl-truststore-type", "PKCS12",
                "shequ.kafka.client.\"ssl.endpoint.identification.algorithm\"", "https")), "notices-outbox");
        assertEquals("kafka-0.kafka:9093", settings.get("bootstrap.servers"));
        assertEquals("notices-outbox", settings.get("client.id"));
        assertEquals("SASL_SSL", settings.get("security.protocol"));
        assertEquals("SCRAM-SHA-512", settings.get("sasl.mechanism"));
        assertEquals("/etc/kafka/ca.p12", settings.get("ssl.truststore.location"));
        assertEquals("PKCS12", settings.get("ssl.truststore.type"));
        assertEquals("https", settings.get("ssl.endpoint.identification.algorithm"));
    }

    @Test
    void plaintextClusterNeedsOnlyTheBootstrap() {
        Map<String, Object> settings = KafkaClients.common(kafka(Map.of("shequ.kafka.bootstrap", "127.0.0.1:19092")),
                "notices-outbox");
        assertFalse(settings.containsKey("security.protocol"));
        assertEquals("127.0.0.1:19092", settings.get("bootstrap.servers"));
    }

    private static ShequConfig.Kafka kafka(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .withMapping(KafkaOnly.class)
                .build();
        return config.getConfigMapping(KafkaOnly.class).kafka();
    }

    @io.smallrye.config.ConfigMapping(prefix = "shequ")
    interface KafkaOnly {
        ShequConfig.Kafka kafka();
    }
}
