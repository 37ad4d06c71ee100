package org.shequ.gateway.proxy;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;
import org.shequ.gateway.GatewayConfig;
import org.shequ.model.api.RequestId;

/**
 * Streams a request to its service and the answer back, without buffering bodies. The original {@code Host} is
 * kept, so a service's {@code Location} headers already point at the gateway. Hop-by-hop headers, and any header a
 * {@code Connection} header names, stay behind. What a client says about forwarding ({@code Forwarded},
 * {@code X-Forwarded-*}) is dropped and said again from the connection itself, so a service can believe it: the
 * gateway is the only proxy the services trust. The path forwarded is the normalised one the route matched, so
 * {@code /api/v1/notices/../grid/tasks} cannot reach one service through another's prefix.
 */
@ApplicationScoped
public class ReverseProxy {

    private static final Logger LOG = Logger.getLogger(ReverseProxy.class);
    /** RFC 9110 §7.6.1 connection-specific headers, never forwarded. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade");
    /** Claims about the path to the client that only the gateway may make. */
    private static final Set<String> FORWARDING = Set.of("forwarded", "x-real-ip");

    private final HttpClient client;
    private final long timeoutMillis;

    public ReverseProxy(HttpClient client, GatewayConfig config) {
        this.client = client;
        this.timeoutMillis = config.timeout().toMillis();
    }

    /** Forwards to {@code upstream}; {@code path} replaces the request's path and query when not null. */
    public void forward(RoutingContext rc, String service, UpstreamTarget upstream, String path) {
        HttpServerRequest request = rc.request();
        request.pause();
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        copyRequestHeaders(request.headers(), headers);
        headers.set("X-Forwarded-For", request.remoteAddress() == null ? "" : request.remoteAddress().hostAddress());
        headers.set("X-Forwarded-Proto", request.scheme());
        headers.set("X-Forwarded-Host", request.authority() == null ? "" : request.authority().toString());
        RequestOptions options = new RequestOptions()
                .setHeaders(headers)
                .setMethod(request.method())
                .setHost(upstream.host())
                .setPort(upstream.port())
                .setSsl(upstream.tls())
                .setURI(path != null ? path : routedUri(rc))
                .setTimeout(timeoutMillis);

        client.request(options)
                .compose(upstreamRequest -> upstreamRequest.send(request))
                .onSuccess(answer -> relay(answer, rc.response(), request.getHeader(RequestId.HEADER)))
                .onFailure(failure -> fail(rc, service, failure));
    }

    /** The normalised path the route matched, with the query as the client sent it. */
    static String routedUri(RoutingContext rc) {
        String query = rc.request().query();
        return rc.normalizedPath() + (query == null ? "" : "?" + query);
    }

    private void relay(HttpClientResponse answer, HttpServerResponse response, String requestId) {
        response.setStatusCode(answer.statusCode());
        response.setStatusMessage(answer.statusMessage());
        copyHeaders(answer.headers(), response.headers(), connectionTokens(answer.headers()));
        response.headers().set(RequestId.HEADER, requestId);
        if (!answer.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
            response.setChunked(true);
        }
        response.send(answer);
    }

    private void fail(RoutingContext rc, String service, Throwable failure) {
        HttpServerResponse response = rc.response();
        if (response.headWritten()) {
            LOG.warnf("Proxying to %s broke after the answer started: %s", service, failure.toString());
            response.reset();
            return;
        }
        rc.request().resume();
        boolean timedOut = failure instanceof TimeoutException
                || failure.getClass().getSimpleName().contains("Timeout");
        int status = timedOut ? 504 : 502;
        String detail = timedOut
                ? "The " + service + " service did not answer in time; try again shortly"
                : "The " + service + " service is unreachable; try again shortly";
        LOG.warnf("%s -> %d: %s", service, status, failure.toString());
        Problems.send(rc, status, timedOut ? "upstream-timeout" : "upstream-unavailable",
                timedOut ? "Gateway timeout" : "Bad gateway", detail);
    }

    private static void copyRequestHeaders(MultiMap from, MultiMap to) {
        Set<String> skip = connectionTokens(from);
        skip.addAll(FORWARDING);
        for (var header : from) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!name.startsWith("x-forwarded-")) {
                copy(header.getKey(), header.getValue(), to, skip);
            }
        }
    }

    private static void copyHeaders(MultiMap from, MultiMap to, Set<String> skip) {
        for (var header : from) {
            copy(header.getKey(), header.getValue(), to, skip);
        }
    }

    private static void copy(String name, String value, MultiMap to, Set<String> skip) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (!HOP_BY_HOP.contains(lower) && !skip.contains(lower)) {
            to.add(name, value);
        }
    }

    /** Headers a {@code Connection} header names are for this hop only (RFC 9110 §7.6.1). */
    private static Set<String> connectionTokens(MultiMap headers) {
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
