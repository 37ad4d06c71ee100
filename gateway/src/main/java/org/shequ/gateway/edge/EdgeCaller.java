package org.shequ.gateway.edge;

import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Consumer;
import org.shequ.gateway.proxy.Problems;
import org.shequ.gateway.proxy.Refusal;

/**
 * Who is calling one of the gateway's own endpoints. Those requests come only from the edge, over the Unix socket
 * nothing else can reach, after the edge's steps admitted them (token, rate limit): this reads the caller back
 * (from the token verifier's cache) and the client's address the edge wrote, and checks nothing twice.
 */
@ApplicationScoped
public class EdgeCaller {

    private final TokenVerifier verifier;

    public EdgeCaller(TokenVerifier verifier) {
        this.verifier = verifier;
    }

    /** Runs {@code next} with the caller; the request stays paused until {@code next} reads it. */
    public void of(RoutingContext rc, Consumer<Caller> next) {
        rc.request().pause();
        String address = rc.request().getHeader("X-Forwarded-For");
        if (address == null) {
            address = rc.request().remoteAddress() == null ? "unknown" : rc.request().remoteAddress().hostAddress();
        }
        String authorization = rc.request().getHeader("Authorization");
        if (authorization == null) {
            next.accept(Caller.anonymous(address));
            return;
        }
        verifier.verify(authorization)
                .onSuccess(next::accept)
                .onFailure(failure -> Problems.send(rc, Refusal.unauthorized(failure)));
    }
}
