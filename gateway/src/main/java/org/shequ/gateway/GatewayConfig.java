package org.shequ.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Which service serves which public path prefixes; one entry per service, keyed by its name. */
@ConfigMapping(prefix = "shequ.gateway")
public interface GatewayConfig {

    Map<String, Upstream> upstreams();

    /** How long a proxied request may take before the client gets a 504. */
    @WithDefault("PT30S")
    Duration timeout();

    interface Upstream {
        URI url();

        List<String> prefixes();
    }
}
