package org.shequ.gateway.proxy;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.function.Consumer;
import org.shequ.gateway.GatewayConfig;
import org.shequ.gateway.edge.Caller;
import org.shequ.gateway.edge.ClientAddresses;
import org.shequ.gateway.edge.EdgeAuth;
import org.shequ.gateway.limits.RateLimiter;
import org.shequ.gateway.observability.RouteMetrics;
import org.shequ.gateway.limits.Verdict;
import org.shequ.gateway.resilience.UpstreamGuards;
import org.shequ.gateway.resilience.UpstreamGuards.Guard;

/**
 * What every proxied request goes through, in order, each step able to answer on its own: forged identity headers
 * are dropped; the token is checked (401/403); the client's rate limit is spent (429, and the limit headers on every
 * answer); a declared body over the limit is refused (413); the service's circuit must be closed and its queue not
 * full (503 with {@code Retry-After}); then the request streams to the service with its deadline (504).
 */
@ApplicationScoped
public class EdgePipeline {

    private static final Set<String> SHEQU_ROLES = Set.of("resident", "grid-worker", "inspector", "community-admin",
            "district-admin", "integration");

    private final EdgeAuth auth;
    private final ClientAddresses addresses;
    private final RateLimiter limiter;
    private final UpstreamGuards guards;
    private final ReverseProxy proxy;
    private final GatewayConfig config;

    public EdgePipeline(EdgeAuth auth, ClientAddresses addresses, RateLimiter limiter, UpstreamGuards guards,
                        ReverseProxy proxy, GatewayConfig config) {
        this.auth = auth;
        this.addresses = addresses;
        this.limiter = limiter;
        this.guards = guards;
        this.proxy = proxy;
        this.config = config;
    }

    /** A request to a service: admitted at the edge, then proxied. */
    public void handle(RoutingContext rc, String service, UpstreamTarget target, long deadlineMillis) {
        admit(rc, service, caller -> proxy(rc, service, target, deadlineMillis));
    }

    /**
     * The edge's checks for any route, the gateway's own included: identity headers dropped, token checked, rate
     * limit spent under {@code route}'s policies. {@code next} runs only for an admitted request, which is paused.
     */
    public void admit(RoutingContext rc, String route, Consumer<Caller> next) {
        HttpServerRequest request = rc.request();
        request.pause();
        rc.put(RouteMetrics.ROUTE, route);
        EdgeAuth.stripForgedIdentity(request);
        String client = addresses.of(request);
        rc.put(ClientAddresses.KEY, client);
        auth.authenticate(request, rc.normalizedPath(), client)
                .onSuccess(caller -> {
                    if (allowed(rc, route, caller)) {
                        next.accept(caller);
                    }
                })
                .onFailure(failure -> refuse(rc, failure));
    }

    private boolean allowed(RoutingContext rc, String route, Caller caller) {
        if (!caller.isAnonymous() && !EdgeAuth.isRead(rc.request().method())
                && caller.roles().stream().noneMatch(SHEQU_ROLES::contains)) {
            Problems.send(rc, 403, "forbidden", "Forbidden", "The token carries no Shequ role that may change anything");
            return false;
        }
        Verdict verdict = limiter.take(route, caller).orElse(null);
        if (verdict != null) {
            verdict.writeHeaders(rc.response());
            if (!verdict.allowed()) {
                Problems.send(rc, Refusal.rateLimited(verdict));
                return false;
            }
        }
        return true;
    }

    private void proxy(RoutingContext rc, String service, UpstreamTarget target, long deadlineMillis) {
        HttpServerRequest request = rc.request();
        BodyLimit body = new BodyLimit(request, config.maxBodyBytes());
        if (body.declaredTooLarge()) {
            BodyLimit.refuse(rc, body.max());
            return;
        }
        Guard guard = guards.of(service);
        guard.retries().earn();
        if (!guard.breaker().tryPass()) {
            Problems.send(rc, Refusal.circuitOpen(service, guard.breaker().secondsUntilTrial()));
            return;
        }
        if (!guard.enter()) {
            guard.breaker().abandoned();
            Problems.send(rc, Refusal.busy(service));
            return;
        }
        rc.addEndHandler(done -> guard.leave());
        String query = request.query();
        String uri = rc.normalizedPath() + (query == null ? "" : "?" + query);
        proxy.forward(rc, new ReverseProxy.Hop(service, target, uri, deadlineMillis, guard), body);
    }

    private static void refuse(RoutingContext rc, Throwable failure) {
        Problems.send(rc, Refusal.unauthorized(failure));
    }
}
