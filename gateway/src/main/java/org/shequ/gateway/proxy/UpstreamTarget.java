package org.shequ.gateway.proxy;

import java.net.URI;
import java.util.Locale;

/**
 * Where an upstream URL points: host, port and whether to speak TLS. A URL without a port, as a Kubernetes Service
 * is usually named ({@code http://notices}), takes its scheme's default port. {@code socket} is a Unix socket's path
 * instead (the gateway's own endpoints), else {@code null}.
 */
public record UpstreamTarget(String host, int port, boolean tls, String socket) {

    public UpstreamTarget(String host, int port, boolean tls) {
        this(host, port, tls, null);
    }

    /** The gateway's own HTTP server, behind its edge on a Unix socket. */
    public static UpstreamTarget unixSocket(String path) {
        return new UpstreamTarget("localhost", 0, false, path);
    }

    public static UpstreamTarget of(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("Upstream " + url + " must be an http or https URL");
        }
        if (url.getHost() == null) {
            throw new IllegalArgumentException("Upstream " + url + " has no host");
        }
        boolean tls = scheme.equals("https");
        return new UpstreamTarget(url.getHost(), url.getPort() != -1 ? url.getPort() : tls ? 443 : 80, tls);
    }
}
