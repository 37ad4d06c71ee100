package org.shequ.webhooks.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Optional;

/** How deliveries are sent and retried; every value settable from the environment (WEBHOOKS_TIMEOUT ...). */
@ConfigMapping(prefix = "webhooks")
public interface WebhookConfig {

    /** The longest a subscriber's endpoint may take to answer, connection included. */
    @WithDefault("PT10S")
    Duration timeout();

    @WithName("poll-interval")
    @WithDefault("PT0.25S")
    Duration pollInterval();

    /** The first retry's wait; each next one doubles, up to {@link #retryCap()}, with ±20 % jitter. */
    @WithName("retry-base")
    @WithDefault("PT5S")
    Duration retryBase();

    @WithName("retry-cap")
    @WithDefault("PT1H")
    Duration retryCap();

    /** A delivery still failing this long after its event is given up, and its subscription disabled. */
    @WithName("give-up-after")
    @WithDefault("P3D")
    Duration giveUpAfter();

    /** Whether this replica sends deliveries (a replica may only serve the API). */
    @WithDefault("true")
    boolean dispatch();

    /** Hosts whose endpoints may be private or loopback addresses (see EndpointGuard); none in production. */
    @WithName("allowed-private-hosts")
    Optional<String> allowedPrivateHosts();
}
