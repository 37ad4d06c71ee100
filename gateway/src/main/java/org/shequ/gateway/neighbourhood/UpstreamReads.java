package org.shequ.gateway.neighbourhood;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.ConnectException;
import java.util.Map;
import java.util.stream.Collectors;
import org.shequ.gateway.GatewayConfig;
import org.shequ.gateway.proxy.UpstreamTarget;
import org.shequ.gateway.resilience.UpstreamGuards;
import org.shequ.model.api.RequestId;

/**
 * A GET of one service's JSON by the gateway itself, with a deadline, through the same circuit breaker as proxied
 * traffic: an open circuit answers at once. A failure's message is the reason a client reads in {@code degraded[]}.
 */
@ApplicationScoped
public class UpstreamReads {

    private final HttpClient client;
    private final Vertx vertx;
    private final UpstreamGuards guards;
    private final Map<String, UpstreamTarget> targets;
    private final ObjectMapper json = new ObjectMapper();

    public UpstreamReads(HttpClient client, Vertx vertx, UpstreamGuards guards, GatewayConfig config) {
        this.client = client;
        this.vertx = vertx;
        this.guards = guards;
        this.targets = config.upstreams().entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> UpstreamTarget.of(e.getValue().url())));
    }

    public Future<JsonNode> get(String service, String uri, long deadlineMillis, String requestId) {
        UpstreamGuards.Guard guard = guards.of(service);
        if (!guard.breaker().tryPass()) {
            return Future.failedFuture(new PartUnavailable("the service is failing (circuit open)"));
        }
        UpstreamTarget target = targets.get(service);
        Promise<JsonNode> result = Promise.promise();
        long timer = vertx.setTimer(deadlineMillis, id -> {
            if (result.tryFail(new PartUnavailable("no answer within " + deadlineMillis + " ms"))) {
                guard.breaker().failed();
            }
        });
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(target.host())
                .setPort(target.port()).setSsl(target.tls()).setURI(uri).setIdleTimeout(deadlineMillis)
                .putHeader("Accept", "application/json").putHeader(RequestId.HEADER, requestId);
        client.request(options)
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> {
                    if (response.statusCode() != 200) {
                        throw new PartUnavailable("the service answered " + response.statusCode());
                    }
                    try {
                        return json.readTree(body.getBytes());
                    } catch (IOException e) {
                        throw new PartUnavailable("the service's answer was not JSON");
                    }
                }))
                .onComplete(outcome -> {
                    vertx.cancelTimer(timer);
                    if (outcome.succeeded()) {
                        if (result.tryComplete(outcome.result())) {
                            guard.breaker().succeeded();
                        }
                    } else if (result.tryFail(reason(outcome.cause()))) {
                        guard.breaker().failed();
                    }
                });
        return result.future();
    }

    private static PartUnavailable reason(Throwable failure) {
        if (failure instanceof PartUnavailable unavailable) {
            return unavailable;
        }
        if (failure instanceof ConnectException) {
            return new PartUnavailable("the service is not reachable");
        }
        return new PartUnavailable("the service failed (" + failure.getClass().getSimpleName() + ")");
    }

    /** Why a part of an aggregate answer is missing, in words for the client. */
    public static final class PartUnavailable extends RuntimeException {
        public PartUnavailable(String reason) {
            super(reason, null, false, false);
        }
    }
}
