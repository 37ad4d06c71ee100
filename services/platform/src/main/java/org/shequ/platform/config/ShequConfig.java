package org.shequ.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
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
    }

    interface Jwt {
        @WithName("public-key")
        String publicKey();

        String issuer();
    }

    interface Http {
        /** Largest declared request body; larger ones get a problem+json 413 before they are read. */
        @WithName("max-body-bytes")
        @WithDefault("1048576")
        long maxBodyBytes();
    }

    interface Kafka {
        String bootstrap();
    }

    interface Outbox {
        @WithName("poll-interval")
        @WithDefault("PT0.5S")
        Duration pollInterval();

        @WithName("batch-size")
        @WithDefault("100")
        int batchSize();

        /** Published rows are kept this long for audit and replay, then deleted. */
        @WithDefault("P7D")
        Duration retention();
    }
}
