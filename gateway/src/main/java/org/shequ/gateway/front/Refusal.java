package org.shequ.gateway.front;

import org.shequ.gateway.edge.EdgeAuth;
import org.shequ.gateway.limits.Verdict;

/**
 * An answer the front door gives instead of the service's, worded as the full pipeline words the same case
 * ({@code EdgePipeline}, {@code ReverseProxy}, {@code ShutdownGate}): status, problem type, title, detail, the
 * service it is about and any headers (whole lines), and whether the connection ends with it.
 */
record Refusal(int status, String reason, String slug, String title, String detail, String service, String headers,
               boolean closes) {

    static Refusal shuttingDown() {
        return new Refusal(503, "Service Unavailable", "shutting-down", "Service unavailable",
                "This gateway instance is stopping; send the request again", null, "Retry-After: 1\r\n", true);
    }

    static Refusal unauthorized(Throwable why) {
        return new Refusal(401, "Unauthorized", "unauthorized", "Unauthorized", EdgeAuth.refusalDetail(why), null,
                "WWW-Authenticate: " + EdgeAuth.challenge(why) + "\r\n", false);
    }

    static Refusal rateLimited(Verdict verdict) {
        return new Refusal(429, "Too Many Requests", "rate-limited", "Too many requests", "Over the limit of "
                + verdict.policy().quota() + " requests per " + verdict.policy().window().toSeconds()
                + " s; try again in " + verdict.retryAfterSeconds() + " s", null, "", false);
    }

    static Refusal circuitOpen(String service, long secondsUntilTrial) {
        return new Refusal(503, "Service Unavailable", "upstream-circuit-open", "Service unavailable", "The " + service
                + " service is failing; the gateway is not sending it requests for a while", service,
                "Retry-After: " + secondsUntilTrial + "\r\n", false);
    }

    static Refusal busy(String service) {
        return new Refusal(503, "Service Unavailable", "upstream-busy", "Service busy", "The " + service
                + " service has too many requests waiting; try again shortly", service, "Retry-After: 1\r\n", false);
    }

    static Refusal unavailable(String service) {
        return new Refusal(503, "Service Unavailable", "upstream-unavailable", "Service unavailable", "The " + service
                + " service is not reachable; try again shortly", service, "Retry-After: 5\r\n", false);
    }

    static Refusal timeout(String service, long deadlineMillis) {
        return new Refusal(504, "Gateway Timeout", "upstream-timeout", "Gateway timeout", "The " + service
                + " service did not answer within " + deadlineMillis + " ms; try again shortly", service, "", false);
    }

    static Refusal broken(String service) {
        return new Refusal(502, "Bad Gateway", "upstream-broken", "Bad gateway", "The connection to the " + service
                + " service broke before it answered; try again shortly", service, "", false);
    }
}
