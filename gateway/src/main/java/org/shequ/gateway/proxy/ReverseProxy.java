package org.shequ.gateway.proxy;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;
import org.shequ.gateway.GatewayConfig;
import org.shequ.model.api.RequestId;

/**
 * Streams a request to its service and the answer back, without buffering bodies. The original {@code Host} is
 * kept, so a service's {@code Location} headers already point at the gateway; hop-by-hop headers stay behind.
 */
@ApplicationScoped
public class ReverseProxy {

    private static final Logger LOG = Logger.getLogger(ReverseProxy.class);
    /** RFC 9110 §7.6.1 connection-specific headers, never forwarded. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade");

    private final HttpClient client;
    private final long timeoutMillis;

    public ReverseProxy(Vertx vertx, GatewayConfig config) {
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setMaxPoolSize(64)
                .setKeepAlive(true)
                .setConnectTimeout(2_000)
                .setDecompressionSupported(false));
        this.timeoutMillis = config.timeout().toMillis();
    }

    /** Forwards to {@code upstream}; {@code path} replaces the request's path and query when not null. */
    public void forward(RoutingContext rc, String service, URI upstream, String path) {
        HttpServerRequest request = rc.request();
        request.pause();
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        copyHeaders(request.headers(), headers);
        headers.set("X-Forwarded-For", request.remoteAddress() == null ? "" : request.remoteAddress().hostAddress());
        headers.set("X-Forwarded-Proto", request.scheme());
        headers.set("X-Forwarded-Host", request.host() == null ? "" : request.host());
        RequestOptions options = new RequestOptions()
                .setHeaders(headers)
                .setMethod(request.method())
                .setHost(upstream.getHost())
                .setPort(upstream.getPort())
                .setURI(path != null ? path : request.uri())
                .setTimeout(timeoutMillis);

        client.request(options)
                .compose(upstreamRequest -> upstreamRequest.send(request))
                .onSuccess(answer -> relay(answer, rc.response(), request.getHeader(RequestId.HEADER)))
                .onFailure(failure -> fail(rc, service, failure));
    }

    private void relay(HttpClientResponse answer, HttpServerResponse response, String requestId) {
        response.setStatusCode(answer.statusCode());
        response.setStatusMessage(answer.statusMessage());
        copyHeaders(answer.headers(), response.headers());
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

    private static void copyHeaders(MultiMap from, MultiMap to) {
        for (var header : from) {
            if (!HOP_BY_HOP.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                to.add(header.getKey(), header.getValue());
            }
        }
    }
}
