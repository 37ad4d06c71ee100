package org.shequ.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the gateway is told: which service serves which public path prefixes, and the limits it keeps at the
 * edge. Each property has a local default; docs/GATEWAY.md lists them with their environment variables.
 */
@ConfigMapping(prefix = "shequ.gateway")
public interface GatewayConfig {

    Map<String, Upstream> upstreams();

    /** How long a proxied request may wait for its answer to start before the client gets a 504. */
    @WithDefault("PT10S")
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

    /** Largest request body accepted, in bytes; larger is a 413 before anything reaches a service. */
    @WithName("max-body-bytes")
    @WithDefault("1048576")
    long maxBodyBytes();

    /**
     * Path prefixes whose service answers in its own error format (Open311's array): a request without a token is
     * passed on there so that the service refuses it in that format. A token that is present is still checked here.
     */
    @WithName("own-error-format-prefixes")
    @WithDefault("/open311")
    List<String> ownErrorFormatPrefixes();

    /**
     * The paths anyone may write to without a token (the public complaint form), matched exactly: every other write
     * without one is a 401 here. The rate limit of the client's address applies to them as to any anonymous call.
     */
    @WithName("public-write-paths")
    @WithDefault("/api/v1/food-safety/public/complaints")
    List<String> publicWritePaths();

    /**
     * The proxies in front of the gateway (the Ingress), as IP addresses or CIDR ranges: only from them is the client
     * address header believed, and only as far as they wrote it (docs/OPERATIONS.md, "Behind an Ingress").
     */
    @WithName("trusted-proxies")
    Optional<List<String>> trustedProxies();

    /** The header the trusted proxies write the client's address in: {@code X-Forwarded-For} or {@code Forwarded}. */
    @WithName("client-address-header")
    @WithDefault("X-Forwarded-For")
    String clientAddressHeader();

    Breaker breaker();

    /** The edge's own bounds on clients (docs/GATEWAY.md, "One edge"). */
    Edge edge();

    Retry retry();

    /** Named rate-limit policies; the most specific one matching a request's service and role applies. */
    @WithName("rate-limits")
    Map<String, RateLimit> rateLimits();

    /** How many gateway replicas share each limit: each enforces its share, so the sum is the configured quota. */
    @WithName("rate-limit-replicas")
    @WithDefault("1")
    int rateLimitReplicas();

    interface Upstream {
        /** {@code http://notices} or {@code https://notices.shequ.svc:8443}; no port means the scheme's default. */
        URI url();

        List<String> prefixes();

        /** This service's own deadline, when it differs from {@link GatewayConfig#timeout()}. */
        Optional<Duration> timeout();

        /** Requests to this service in flight at once, queue included; beyond it a fast 503. */
        @WithName("max-in-flight")
        @WithDefault("256")
        int maxInFlight();
    }

    interface Edge {
        /** From a request's first byte to its last header: longer is a slow-loris client, and its connection closes. */
        @WithName("head-timeout")
        @WithDefault("PT10S")
        Duration headTimeout();

        /** An answer (or a request body) that moves no byte for this long is cut off. */
        @WithName("stall-timeout")
        @WithDefault("PT30S")
        Duration stallTimeout();

        /** The longest a whole answer may take, first byte to last, except the event stream's. */
        @WithName("answer-timeout")
        @WithDefault("PT2M")
        Duration answerTimeout();

        /** Connections one client address may hold open at once; more are closed on arrival. */
        @WithName("max-connections-per-client")
        @WithDefault("64")
        int maxConnectionsPerClient();

        /** Requests one client (its token's subject, else its address) may have in flight at once; more get a 429. */
        @WithName("max-in-flight-per-client")
        @WithDefault("32")
        int maxInFlightPerClient();

        /** Answer bytes held for a client that is not reading before the gateway stops reading the service. */
        @WithName("max-buffered-bytes")
        @WithDefault("262144")
        int maxBufferedBytes();

        /** HTTP/2 streams a client may open at once on one connection. */
        @WithName("max-concurrent-streams")
        @WithDefault("100")
        int maxConcurrentStreams();

        /** PEM certificate chain for TLS on the public port (HTTP/2 by ALPN); without it the port is cleartext. */
        @WithName("tls-certificate")
        Optional<String> tlsCertificate();

        /** PEM private key (PKCS#8) of {@link #tlsCertificate()}. */
        @WithName("tls-key")
        Optional<String> tlsKey();
    }

    interface Breaker {
        /** Failures in a row (no connection, timeout, 5xx) that open a service's circuit. */
        @WithName("failure-threshold")
        @WithDefault("5")
        int failureThreshold();

        /** How long an open circuit refuses before one trial request is let through. */
        @WithName("open-for")
        @WithDefault("PT10S")
        Duration openFor();
    }

    interface Retry {
        /** Retries, as a share of recent requests, that idempotent requests may spend on a lost connection. */
        @WithName("budget-ratio")
        @WithDefault("0.2")
        double budgetRatio();
    }

    interface RateLimit {
        /** Requests a client may make per {@link #window()}; also the burst it may spend at once. */
        int quota();

        Duration window();

        /** Only for requests to this service; any service when absent. */
        Optional<String> service();

        /** Only for callers with this role (anonymous callers have the role {@code anonymous}); any when absent. */
        Optional<String> role();
    }
}
