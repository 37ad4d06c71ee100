package org.shequ.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Which service serves which public path prefixes; one entry per service, keyed by its name. */
@ConfigMapping(prefix = "shequ.gateway")
public interface GatewayConfig {

    Map<String, Upstream> upstreams();

    /** How long a proxied request may take before the client gets a 504. */
    @WithDefault("PT30S")
    Duration timeout();

    /** How often each upstream's readiness is probed for the health data and metrics. */
    @WithName("probe-interval")
    @WithDefault("PT5S")
    Duration probeInterval();

    /**
     * PEM files of the certificate authorities trusted for {@code https} upstreams (e.g. a cluster's internal CA);
     * without them, the JVM's default trust store decides.
     */
    @WithName("trust-certs")
    Optional<List<String>> trustCerts();

    interface Upstream {
        /** {@code http://notices} or {@code https://notices.shequ.svc:8443}; no port means the scheme's default. */
        URI url();

        List<String> prefixes();
    }
}
