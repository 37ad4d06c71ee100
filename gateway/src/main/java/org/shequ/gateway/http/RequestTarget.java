package org.shequ.gateway.http;

import io.vertx.core.http.impl.HttpUtils;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import org.shequ.gateway.proxy.Refusal;

/**
 * A request target (RFC 9112 §3.2) read by {@link URI}: origin form ({@code /path?query}), or absolute form with an
 * {@code http(s)} scheme, whose path and query are then used. The path is normalised the way Vert.x normalises a
 * route's (percent-decoded unreserved characters, dot segments removed), and that normalised path is both what is
 * routed and what is forwarded, so {@code /api/v1/notices/../grid/tasks} cannot reach one service through
 * another's prefix. The query goes on as it came.
 */
record RequestTarget(String path, String query) {

    /** The target, or {@code null} when it is none of the forms served. */
    static RequestTarget parse(String target) {
        if (target.isEmpty() || target.indexOf('#') >= 0) {
            return null;
        }
        try {
            URI uri = new URI(target);
            if (uri.isOpaque() || uri.getRawPath() == null || uri.getRawPath().isEmpty()) {
                return null;
            }
            if (uri.getScheme() != null && !uri.getScheme().equalsIgnoreCase("http")
                    && !uri.getScheme().equalsIgnoreCase("https")) {
                return null;
            }
            if (uri.getScheme() == null && (target.charAt(0) != '/' || target.startsWith("//"))) {
                return null;
            }
            String path = HttpUtils.normalizePath(uri.getRawPath());
            return path == null ? null : new RequestTarget(path, uri.getRawQuery());
        } catch (URISyntaxException | IllegalArgumentException malformed) {
            return null;
        }
    }

    static Refusal refusal(String target) {
        return new Refusal(400, "Bad Request", "bad-request", "Bad request",
                "The request target is not a path (with an optional query) or an http(s) URL", null, Map.of(), true);
    }
}
