package org.shequ.gateway.proxy;

import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The request body on its way to the service, counted as it streams. A declared {@code Content-Length} over the
 * limit is refused before anything is sent; a chunked body is cut off at the byte that crosses it, the half-sent
 * request to the service is reset (it never sees a complete request, so it changes nothing) and the client gets
 * the same 413.
 */
public final class BodyLimit {

    private final HttpServerRequest request;
    private final long max;
    private long seen;
    private boolean exceeded;

    public BodyLimit(HttpServerRequest request, long max) {
        this.request = request;
        this.max = max;
    }

    public long max() {
        return max;
    }

    /** A declared length over the limit: refuse now. */
    public boolean declaredTooLarge() {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return length != null && Long.parseLong(length.strip()) > max;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Whether the body crossed the limit on its way (the service's request was then cut off). */
    public boolean exceeded() {
        return exceeded;
    }

    public boolean expectsBody() {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null
                || (length != null && !length.strip().equals("0"));
    }

    /** Streams the body (if any) to the service with back-pressure, then ends the request. */
    void pipeTo(HttpClientRequest upstream) {
        if (!expectsBody()) {
            upstream.end();
            request.resume();
            return;
        }
        if (request.getHeader(HttpHeaders.CONTENT_LENGTH) == null) {
            upstream.setChunked(true);
        }
        request.handler(chunk -> {
            seen += chunk.length();
            if (seen > max) {
                exceeded = true;
                request.handler(null);
                upstream.reset(0, new TooLarge());
                return;
            }
            upstream.write(chunk);
            if (upstream.writeQueueFull()) {
                request.pause();
                upstream.drainHandler(v -> request.resume());
            }
        });
        request.endHandler(v -> upstream.end());
        request.exceptionHandler(failure -> upstream.reset());
        request.resume();
    }

    static void refuse(RoutingContext rc, long max) {
        rc.response().putHeader(HttpHeaders.CONNECTION, "close");
        Problems.send(rc, 413, "payload-too-large", "Payload too large",
                "The request body is larger than " + max + " bytes");
    }

    /** Why a request to a service was cut off. */
    static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("request body over the limit", null, false, false);
        }
    }
}
