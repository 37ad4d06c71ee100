package org.shequ.platform.problem;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.shequ.model.api.Problem;
import org.shequ.model.api.RequestId;
import org.shequ.platform.config.ShequConfig;

/**
 * Refuses a declared body over {@code shequ.http.max-body-bytes} with a problem+json 413 before it is read. Vert.x'
 * own limit ({@code quarkus.http.limits.max-body-size}, set higher) stays as the hard stop for chunked uploads; it
 * answers with a bare 413, which is why this check comes first.
 */
@ApplicationScoped
public class BodySizeLimit {

    private final long maxBytes;

    public BodySizeLimit(ShequConfig config) {
        this.maxBytes = config.http().maxBodyBytes();
    }

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String declared = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (declared != null && tooLarge(declared)) {
                Problem problem = new Problem(Problem.type("payload-too-large"), "Payload too large", 413,
                        "The body has " + declared + " bytes; this service accepts at most " + maxBytes, null,
                        rc.request().getHeader(RequestId.HEADER), null);
                rc.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(problem.toJson());
                return;
            }
            rc.next();
        }, 900);
    }

    private boolean tooLarge(String declared) {
        try {
            return Long.parseLong(declared.strip()) > maxBytes;
        } catch (NumberFormatException e) {
            return false; // Vert.x rejects a malformed Content-Length itself
        }
    }
}
