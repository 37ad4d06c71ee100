package org.shequ.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Typed view of the {@code shequ.*} settings; every one can be set from the environment (SHEQU_KAFKA_BOOTSTRAP ...). */
@ConfigMapping(prefix = "shequ")
public interface ShequConfig {

    Service service();

    Db db();

    Kafka kafka();

    Jwt jwt();

    Http http();

    Outbox outbox();

    Inbox inbox();

    interface Service {
        /** Short name, e.g. {@code notices}; used as Kafka client id and in logs. */
        String name();
    }

    /** The MySQL-compatible server ({@code url} without a database) and this service's own database on it. */
    interface Db {
        String url();

        String name();

        String user();

        Optional<String> password();

        /** Driver options after the fixed ones (time zone, encoding); dev conveniences outside prod. */
        String options();

        /** Connector/J sslMode in prod: PREFERRED, REQUIRED, VERIFY_CA or VERIFY_IDENTITY. */
        @WithName("ssl-mode")
        String sslMode();

        /**
         * Longest wait for a pooled connection before the request is a 503 (feeds
         * {@code quarkus.datasource.jdbc.acquisition-timeout}).
         */
        @WithName("acquisition-timeout")
        Duration acquisitionTimeout();

        /** Connector/J {@code connectTimeout}: longest wait for a new connection to the server, in ms. */
        @WithName("connect-timeout-ms")
        int connectTimeoutMs();

        /**
         * Connector/J {@code socketTimeout}: longest wait for any one answer of the server, in ms, so a frozen
         * database fails requests fast; migrations wait longer on their own connections.
         */
        @WithName("socket-timeout-ms")
        int socketTimeoutMs();

        /**
         * Who brings the schema up to date: the app as it starts ({@code at-start}, local and single-instance
         * runs), a migration step of its own that migrates and exits ({@code only}, the Kubernetes Job), or nobody
         * in this process ({@code never}, the cluster's app pods, which wait for a pending migration to be applied).
         */
        @WithDefault("at-start")
        MigrationMode migrate();

        /**
         * With {@code migrate=never}, how long a start waits for the migration step before it fails; shorter than
         * the start-up probe allows (120 s), so the pod restarts with a message rather than being killed silently.
         */
        @WithName("migration-wait")
        @WithDefault("PT90S")
        Duration migrationWait();
    }

    enum MigrationMode {
        AT_START, ONLY, NEVER
    }

    interface Jwt {
        @WithName("public-key")
        String publicKey();

        String issuer();

        /** The {@code aud} a token must carry; one minted for another system is refused. */
        String audience();
    }

    interface Http {
        /** Largest declared request body; larger ones get a problem+json 413 before they are read. */
        @WithName("max-body-bytes")
        @WithDefault("1048576")
        long maxBodyBytes();

        /** Addresses or CIDRs whose X-Forwarded-* headers are believed (the gateway's). */
        @WithName("trusted-proxies")
        List<String> trustedProxies();
    }

    /**
     * How every producer and consumer of the suite reaches Kafka. The security settings are the Kafka client's own
     * ({@code security.protocol}, {@code sasl.*}, {@code ssl.*}), so a secured cluster needs configuration, not code.
     */
    interface Kafka {
        String bootstrap();

        @WithName("security-protocol")
        Optional<String> securityProtocol();

        @WithName("sasl-mechanism")
        Optional<String> saslMechanism();

        @WithName("sasl-jaas-config")
        Optional<String> saslJaasConfig();

        @WithName("ssl-truststore-location")
        Optional<String> sslTruststoreLocation();

        @WithName("ssl-truststore-password")
        Optional<String> sslTruststorePassword();

        @WithName("ssl-truststore-type")
        Optional<String> sslTruststoreType();

        @WithName("ssl-keystore-location")
        Optional<String> sslKeystoreLocation();

        @WithName("ssl-keystore-password")
        Optional<String> sslKeystorePassword();

        @WithName("ssl-keystore-type")
        Optional<String> sslKeystoreType();

        /** Any other client property, by its Kafka name: {@code shequ.kafka.client."ssl.endpoint.identification.algorithm"}. */
        Map<String, String> client();
    }

    interface Outbox {
        @WithName("poll-interval")
        @WithDefault("PT0.5S")
        Duration pollInterval();

        @WithName("batch-size")
        @WithDefault("100")
        int batchSize();

        /**
         * How long a relay may publish without renewing its lease. Longer than the slowest send (the producer gives up
         * on a batch within 20 s), so a live relay never loses it mid-batch; it is also how long events wait when the
         * relaying instance is killed, since a graceful stop lets the lease go at once.
         */
        @WithDefault("PT30S")
        Duration lease();

        /** Published rows are kept this long for audit and replay, then deleted. */
        @WithDefault("P7D")
        Duration retention();

        /** How often published rows past their retention are deleted, apart from publishing. */
        @WithName("cleanup-interval")
        @WithDefault("PT10M")
        Duration cleanupInterval();

        /** Rows deleted per statement, so a large backlog never holds long locks or a huge undo log. */
        @WithName("cleanup-batch-size")
        @WithDefault("1000")
        int cleanupBatchSize();
    }

    /** The consumer side: how often a failing event is tried before it is parked, and how long inbox rows stay. */
    interface Inbox {
        /** Attempts at an event whose handler fails for a reason of its own, before it is parked. */
        @WithName("max-attempts")
        @WithDefault("5")
        int maxAttempts();

        /** The first pause between attempts; it doubles up to five seconds. */
        @WithName("retry-backoff")
        @WithDefault("PT0.2S")
        Duration retryBackoff();

        /** Handled-event rows are kept this long; longer than any topic's retention (see V3__inbox.sql). */
        @WithDefault("P30D")
        Duration retention();

        /** Turns every consumer loop of the service off, e.g. for a replica that should only serve reads. */
        @WithDefault("true")
        boolean enabled();
    }
}
