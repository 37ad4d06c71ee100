package org.shequ.gateway.proxy;

import java.util.List;
import java.util.Locale;

/**
 * Whether an answer is worth compressing for the client (gzip or brotli, whichever it prefers, done by the HTTP
 * edge): text formats of at least {@link #WORTH_BYTES}, not already encoded, and never an event stream, which
 * must reach the client event by event.
 */
public final class Compression {

    static final int WORTH_BYTES = 1024;
    private static final List<String> TEXTUAL = List.of("application/json", "application/problem+json",
            "application/xml", "application/atom+xml", "application/cap+xml", "text/calendar", "text/plain",
            "text/html", "text/xml", "application/vnd.oai.openapi+json", "application/geo+json");

    private Compression() {
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
