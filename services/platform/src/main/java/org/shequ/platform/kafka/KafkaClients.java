package org.shequ.platform.kafka;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.shequ.platform.config.ShequConfig;

/**
 * The connection settings every Kafka client of a service starts from (the outbox relay's producer, the inbox's
 * consumers): bootstrap servers, client id and the cluster's security settings, so that reaching a SASL/TLS cluster
 * is configuration in one place.
 */
@ApplicationScoped
public class KafkaClients {

    private final ShequConfig config;

    public KafkaClients(ShequConfig config) {
        this.config = config;
    }

    /** A fresh map of the common settings; callers add their producer or consumer settings to it. */
    public Map<String, Object> common(String clientIdSuffix) {
        return common(config.kafka(), config.service().name() + "-" + clientIdSuffix);
    }

    static Map<String, Object> common(ShequConfig.Kafka kafka, String clientId) {
        Map<String, Object> settings = new HashMap<>(kafka.client());
        settings.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap());
        settings.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        put(settings, CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, kafka.securityProtocol());
        put(settings, SaslConfigs.SASL_MECHANISM, kafka.saslMechanism());
        put(settings, SaslConfigs.SASL_JAAS_CONFIG, kafka.saslJaasConfig());
        put(settings, SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, kafka.sslTruststoreLocation());
        put(settings, SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, kafka.sslTruststorePassword());
        put(settings, SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, kafka.sslTruststoreType());
        put(settings, SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG, kafka.sslKeystoreLocation());
        put(settings, SslConfigs.SSL_KEYSTORE_PASSWORD_CONFIG, kafka.sslKeystorePassword());
        put(settings, SslConfigs.SSL_KEYSTORE_TYPE_CONFIG, kafka.sslKeystoreType());
        return settings;
    }

    private static void put(Map<String, Object> settings, String name, Optional<String> value) {
        value.filter(v -> !v.isBlank()).ifPresent(v -> settings.put(name, v));
    }
}
