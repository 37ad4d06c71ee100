package org.shequ.gateway.proxy;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import org.shequ.model.api.Problem;
import org.shequ.model.api.RequestId;

/** The gateway's own answers (no route, service down or slow) in the same problem+json the services use. */
final class Problems {

    private Problems() {
    }

    static void send(RoutingContext rc, int status, String slug, String title, String detail) {
        Problem problem = new Problem(Problem.type(slug), title, status, detail, null,
                rc.request().getHeader(RequestId.HEADER), null);
        rc.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(problem.toJson());
    }
}
