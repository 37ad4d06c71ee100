package org.shequ.gateway.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.shequ.gateway.edge.EdgeAuth;

/**
 * Which headers cross the gateway. Hop-by-hop ones (RFC 9110 §7.6.1) and any a {@code Connection} header names stay
 * on their hop, both ways. Toward a service also: what a client says about forwarding ({@code Forwarded},
 * {@code X-Forwarded-*}, {@code X-Real-IP}; the edge says it again from the connection), identity headers and any
 * {@code X-Shequ-*} (only the token speaks for a caller), HTTP/2's pseudo-header stand-ins, the client's encodings
 * (the edge compresses for the client; the hop to the service stays plain), and the framing, which the edge sets.
 */
final class HopHeaders {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade",
            "http2-settings");
    private static final Set<String> NOT_TO_SERVICES = Set.of("forwarded", "x-real-ip", "accept-encoding",
            "content-length", "expect");

    private HopHeaders() {
    }

    /** Copies what a service may see of a client's request headers. */
    static void toService(HttpHeaders from, HttpHeaders to) {
        Set<String> named = connectionTokens(from);
        for (Map.Entry<String, String> header : from) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(name) && !named.contains(name) && !NOT_TO_SERVICES.contains(name)
                    && !name.startsWith("x-forwarded-") && !name.startsWith("x-shequ-") && !name.startsWith("x-http2-")
                    && !EdgeAuth.identityHeaders().contains(name)) {
                to.add(header.getKey(), header.getValue());
            }
        }
    }

    /** Copies what a client may see of a service's answer headers. */
    static void toClient(HttpHeaders from, HttpHeaders to) {
        Set<String> named = connectionTokens(from);
        for (Map.Entry<String, String> header : from) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(name) && !named.contains(name)) {
                to.add(header.getKey(), header.getValue());
            }
        }
    }

    private static Set<String> connectionTokens(HttpHeaders headers) {
        if (!headers.contains(HttpHeaderNames.CONNECTION)) {
            return Set.of();
        }
        Set<String> tokens = new HashSet<>();
        for (String value : headers.getAll(HttpHeaderNames.CONNECTION)) {
            for (String token : value.split(",")) {
                if (!token.isBlank()) {
                    tokens.add(token.strip().toLowerCase(Locale.ROOT));
                }
            }
        }
        return tokens;
    }
}
