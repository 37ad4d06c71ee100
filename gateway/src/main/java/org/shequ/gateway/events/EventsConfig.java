package org.shequ.gateway.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.List;

/** The public event stream: which topics it reads from which broker, and how it keeps connections alive. */
@ConfigMapping(prefix = "shequ.gateway.events")
public interface EventsConfig {

    @WithName("bootstrap")
    @WithDefault("${shequ.kafka.bootstrap:127.0.0.1:19092}")
    String bootstrap();

    @WithDefault("shequ.notices.v1,shequ.grid-tasks.v1,shequ.food-inspections.v1,shequ.renovations.v1")
    List<String> topics();

    /** A comment line is sent after this long without an event, so idle connections stay open. */
    @WithDefault("PT15S")
    Duration heartbeat();

    @WithName("max-streams")
    @WithDefault("200")
    int maxStreams();

    /** Streams one client (a token's subject, else an address) may hold open at once; beyond that a 429. */
    @WithName("max-streams-per-client")
    @WithDefault("4")
    int maxStreamsPerClient();

    /** SASL or TLS to the brokers, as the services set it ({@code SHEQU_KAFKA_SECURITY_PROTOCOL} and so on). */
    @WithName("security-protocol")
    @WithDefault("${shequ.kafka.security-protocol:PLAINTEXT}")
    String securityProtocol();

    @WithName("sasl-mechanism")
    @WithDefault("${shequ.kafka.sasl-mechanism:SCRAM-SHA-512}")
    String saslMechanism();

    @WithName("sasl-jaas-config")
    @WithDefault("${shequ.kafka.sasl-jaas-config:}")
    java.util.Optional<String> saslJaasConfig();

    /** The brokers' CA for SSL and SASL_SSL: a PEM file (Strimzi's cluster CA {@code ca.crt}) or a key store. */
    @WithName("ssl-truststore-location")
    @WithDefault("${shequ.kafka.ssl-truststore-location:}")
    java.util.Optional<String> sslTruststoreLocation();

    @WithName("ssl-truststore-type")
    @WithDefault("${shequ.kafka.ssl-truststore-type:}")
    java.util.Optional<String> sslTruststoreType();
}
