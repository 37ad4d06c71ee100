package org.shequ.gateway.proxy;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import org.shequ.model.api.Problem;
import org.shequ.model.api.RequestId;

/**
 * The gateway's own answers (no route, no valid token, a limit, a service down or slow) in the same problem+json
 * the services use. Answers about a service carry its name in the {@code service} member, for clients to act on.
 */
public final class Problems {

    private Problems() {
    }

    public static void send(RoutingContext rc, int status, String slug, String title, String detail) {
        send(rc, status, slug, title, detail, null);
    }

    public static void send(RoutingContext rc, int status, String slug, String title, String detail, String service) {
        if (rc.response().ended() || rc.response().headWritten()) {
            return;
        }
        String json = json(status, slug, title, detail, rc.request().getHeader(RequestId.HEADER), service);
        rc.request().resume();
        rc.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(json);
    }

    /** A refusal worded by {@link Refusal}, with its headers, ending the connection when it says so. */
    public static void send(RoutingContext rc, Refusal refusal) {
        refusal.headers().forEach(rc.response()::putHeader);
        if (refusal.closes()) {
            rc.response().putHeader(HttpHeaders.CONNECTION, "close");
        }
        send(rc, refusal.status(), refusal.slug(), refusal.title(), refusal.detail(), refusal.service());
    }

    /** The problem document itself, for the edge, which writes it on its own connections. */
    public static String json(int status, String slug, String title, String detail, String requestId, String service) {
        String json = new Problem(Problem.type(slug), title, status, detail, null, requestId, null).toJson();
        return service == null ? json : json.substring(0, json.length() - 1) + ",\"service\":\"" + service + "\"}";
    }
}
