package org.shequ.gateway.proxy;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import java.util.List;
import java.util.Locale;

/**
 * Whether an answer is worth compressing for the client (gzip or brotli, whichever it prefers, done by the HTTP
 * server): text formats of at least {@link #WORTH_BYTES}, not already encoded, and never an event stream, which
 * must reach the client event by event. Everything else is marked {@code identity}, which the server leaves alone.
 */
public final class Compression {

    static final int WORTH_BYTES = 1024;
    private static final List<String> TEXTUAL = List.of("application/json", "application/problem+json",
            "application/xml", "application/atom+xml", "application/cap+xml", "text/calendar", "text/plain",
            "text/html", "text/xml", "application/vnd.oai.openapi+json", "application/geo+json");

    private Compression() {
    }

    static void decide(MultiMap upstreamHeaders, HttpServerResponse response) {
        if (upstreamHeaders.contains(HttpHeaders.CONTENT_ENCODING)) {
            return;
        }
        if (worthIt(upstreamHeaders.get(HttpHeaders.CONTENT_TYPE), upstreamHeaders.get(HttpHeaders.CONTENT_LENGTH))) {
            response.headers().remove(HttpHeaders.CONTENT_ENCODING);
        } else {
            response.headers().set(HttpHeaders.CONTENT_ENCODING, HttpHeaders.IDENTITY);
        }
    }

    /** For the gateway's own answers: compress when the body is text and large enough. */
    public static void forOwnAnswer(HttpServerResponse response, String contentType, int length) {
        if (worthIt(contentType, String.valueOf(length))) {
            response.headers().remove(HttpHeaders.CONTENT_ENCODING);
        } else {
            response.headers().set(HttpHeaders.CONTENT_ENCODING, HttpHeaders.IDENTITY);
        }
    }

    public static boolean worthIt(String contentType, String contentLength) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        if (TEXTUAL.stream().noneMatch(type::startsWith)) {
            return false;
        }
        if (contentLength == null) {
            return true;
        }
        try {
            return Long.parseLong(contentLength.strip()) >= WORTH_BYTES;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
