package org.shequ.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;
import org.shequ.gateway.edge.ClientAddresses;
import org.shequ.gateway.resilience.UpstreamGuards.Guard;
import org.shequ.model.api.RequestId;

/**
 * Streams a request to its service and the answer back, without buffering bodies. The original {@code Host} is
 * kept, so a service's {@code Location} headers already point at the gateway. Hop-by-hop headers, and any header a
 * {@code Connection} header names, stay behind. What a client says about forwarding ({@code Forwarded},
 * {@code X-Forwarded-*}) is dropped and said again from the connection itself, so a service can believe it: the
 * gateway is the only proxy the services trust. The path forwarded is the normalised one the route matched, so
 * {@code /api/v1/notices/../grid/tasks} cannot reach one service through another's prefix.
 *
 * <p>The answer must start within the route's deadline, else the client gets a 504. A request that found no
 * connection at all (the service is not running) is tried once more when it is idempotent and bodiless and the
 * service's retry budget allows; a connection failure is a 503, since nothing reached the service.
 */
@ApplicationScoped
public class ReverseProxy {

    private static final Logger LOG = Logger.getLogger(ReverseProxy.class);
    /** RFC 9110 §7.6.1 connection-specific headers, never forwarded. */
    private static final String[] HOP_BY_HOP_NAMES = {"connection", "keep-alive", "proxy-authenticate",
        "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade"};
    /**
     * Claims about the path to the client that only the gateway may make, and the client's encodings: the gateway
     * compresses for the client, the hop to the service stays plain.
     */
    private static final String[] NOT_FORWARDED_NAMES = {"forwarded", "x-real-ip", "accept-encoding"};
    private static final Set<HttpMethod> RETRYABLE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final HttpClient client;
    private final Vertx vertx;

    /** The headers never forwarded to a service (besides any {@code X-Forwarded-*}): hop-by-hop ones, then the rest. */
    public static List<String> notForwarded() {
        List<String> names = new ArrayList<>(List.of(HOP_BY_HOP_NAMES));
        names.addAll(List.of(NOT_FORWARDED_NAMES));
        return names;
    }

    public ReverseProxy(HttpClient client, Vertx vertx) {
        this.client = client;
        this.vertx = vertx;
    }

    /** Where a request goes: the service, its address, the URI to ask for and the time it has to answer. */
    public record Hop(String service, UpstreamTarget target, String uri, long deadlineMillis, Guard guard) {
    }

    /** Forwards the (paused) request; the guard's place in the queue is released when this exchange ends. */
    public void forward(RoutingContext rc, Hop hop, BodyLimit body) {
        HttpServerRequest request = rc.request();
        MultiMap headers = HttpHeaders.headers();
        copyRequestHeaders(request.headers(), headers);
        String client = rc.get(ClientAddresses.KEY);
        headers.set("X-Forwarded-For", client != null ? client
                : request.remoteAddress() == null ? "" : request.remoteAddress().hostAddress());
        headers.set("X-Forwarded-Proto", request.scheme());
        headers.set("X-Forwarded-Host", request.authority() == null ? "" : request.authority().toString());
        RequestOptions options = new RequestOptions()
                .setHeaders(headers)
                .setMethod(request.method())
                .setHost(hop.target().host())
                .setPort(hop.target().port())
                .setSsl(hop.target().tls())
                .setURI(hop.uri())
                .setIdleTimeout(hop.deadlineMillis());
        boolean mayRetry = RETRYABLE.contains(request.method()) && !body.expectsBody();
        attempt(rc, hop, options, body, mayRetry);
    }

    private void attempt(RoutingContext rc, Hop hop, RequestOptions options, BodyLimit body, boolean mayRetry) {
        Future<HttpClientRequest> connected = client.request(options);
        connected.onFailure(failure -> {
            if (mayRetry && failure instanceof ConnectException && hop.guard().retries().trySpend()) {
                attempt(rc, hop, options, body, false);
                return;
            }
            hop.guard().breaker().failed();
            unavailable(rc, hop, failure);
        });
        connected.onSuccess(upstream -> {
            long timer = vertx.setTimer(hop.deadlineMillis(), id -> {
                if (!rc.response().headWritten()) {
                    upstream.reset(0, new TimeoutDeadline());
                }
            });
            upstream.response()
                    .onSuccess(answer -> {
                        vertx.cancelTimer(timer);
                        hop.guard().breaker().answered(answer.statusCode());
                        relay(answer, rc, upstream);
                    })
                    .onFailure(failure -> {
                        vertx.cancelTimer(timer);
                        if (body.exceeded()) {
                            hop.guard().breaker().abandoned();
                            BodyLimit.refuse(rc, body.max());
                            return;
                        }
                        hop.guard().breaker().failed();
                        broken(rc, hop, failure);
                    });
            body.pipeTo(upstream);
        });
    }

    private void relay(HttpClientResponse answer, RoutingContext rc, HttpClientRequest upstream) {
        HttpServerResponse response = rc.response();
        response.setStatusCode(answer.statusCode());
        response.setStatusMessage(answer.statusMessage());
        copyHeaders(answer.headers(), response.headers(), connectionTokens(answer.headers()));
        response.headers().set(RequestId.HEADER, rc.request().getHeader(RequestId.HEADER));
        if (!answer.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
            response.setChunked(true);
        }
        Compression.decide(answer.headers(), response);
        response.send(answer).onFailure(failure -> upstream.reset());
    }

    private void unavailable(RoutingContext rc, Hop hop, Throwable failure) {
        LOG.warnf("%s -> 503: %s", hop.service(), failure.toString());
        Problems.send(rc, Refusal.unavailable(hop.service()));
    }

    private void broken(RoutingContext rc, Hop hop, Throwable failure) {
        HttpServerResponse response = rc.response();
        if (response.headWritten()) {
            LOG.warnf("Proxying to %s broke after the answer started: %s", hop.service(), failure.toString());
            response.reset();
            return;
        }
        if (failure instanceof TimeoutDeadline || failure.getClass().getSimpleName().contains("Timeout")) {
            LOG.warnf("%s -> 504: no answer within %d ms", hop.service(), hop.deadlineMillis());
            Problems.send(rc, Refusal.timeout(hop.service(), hop.deadlineMillis()));
            return;
        }
        LOG.warnf("%s -> 502: %s", hop.service(), failure.toString());
        Problems.send(rc, Refusal.broken(hop.service()));
    }

    /** The reason an upstream request is reset when its deadline passes. */
    static final class TimeoutDeadline extends RuntimeException {
        TimeoutDeadline() {
            super("deadline passed", null, false, false);
        }
    }

    private static void copyRequestHeaders(MultiMap from, MultiMap to) {
        Set<String> named = connectionTokens(from);
        for (Map.Entry<String, String> header : from) {
            String name = header.getKey();
            if (!name.regionMatches(true, 0, "x-forwarded-", 0, 12) && !notForwarded(name)
                    && !hopByHop(name) && !named(named, name)) {
                to.add(name, header.getValue());
            }
        }
    }

    private static void copyHeaders(MultiMap from, MultiMap to, Set<String> named) {
        for (Map.Entry<String, String> header : from) {
            String name = header.getKey();
            if (!hopByHop(name) && !named(named, name)) {
                to.add(name, header.getValue());
            }
        }
    }

    private static boolean named(Set<String> named, String name) {
        return !named.isEmpty() && named.contains(name.toLowerCase(Locale.ROOT));
    }

    /** Case-insensitive membership without a lower-cased copy of every header name of every request. */
    private static boolean hopByHop(String name) {
        return inSet(HOP_BY_HOP_NAMES, name);
    }

    private static boolean notForwarded(String name) {
        return inSet(NOT_FORWARDED_NAMES, name);
    }

    private static boolean inSet(String[] names, String name) {
        for (String candidate : names) {
            if (candidate.length() == name.length() && candidate.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /** Headers a {@code Connection} header names are for this hop only (RFC 9110 §7.6.1). */
    private static Set<String> connectionTokens(MultiMap headers) {
        String connection = headers.get(HttpHeaders.CONNECTION);
        if (connection == null || connection.equalsIgnoreCase("keep-alive") || connection.equalsIgnoreCase("close")) {
            return Set.of();
        }
        Set<String> tokens = new HashSet<>();
        for (String value : headers.getAll(HttpHeaders.CONNECTION)) {
            for (String token : value.split(",")) {
                if (!token.isBlank()) {
                    tokens.add(token.strip().toLowerCase(Locale.ROOT));
                }
            }
        }
        return tokens;
    }
}
