package org.shequ.gateway.proxy;

import java.util.Map;
import org.shequ.gateway.edge.EdgeAuth;
import org.shequ.gateway.limits.Verdict;

/**
 * An answer the gateway gives instead of the service's, worded once for the edge and the gateway's own endpoints:
 * status and reason phrase, problem type, title, detail, the service it is about, headers of its own (the rate-limit
 * headers are the verdict's), and whether the connection ends with it.
 */
public record Refusal(int status, String reason, String slug, String title, String detail, String service,
                      Map<String, String> headers, boolean closes) {

    public static Refusal shuttingDown() {
        return new Refusal(503, "Service Unavailable", "shutting-down", "Service unavailable",
                "This gateway instance is stopping; send the request again", null, Map.of("Retry-After", "1"), true);
    }

    public static Refusal unauthorized(Throwable why) {
        return new Refusal(401, "Unauthorized", "unauthorized", "Unauthorized", EdgeAuth.refusalDetail(why), null,
                Map.of("WWW-Authenticate", EdgeAuth.challenge(why)), false);
    }

    public static Refusal rateLimited(Verdict verdict) {
        return new Refusal(429, "Too Many Requests", "rate-limited", "Too many requests", "Over the limit of "
                + verdict.policy().quota() + " requests per " + verdict.policy().window().toSeconds()
                + " s; try again in " + verdict.retryAfterSeconds() + " s", null, Map.of(), false);
    }

    public static Refusal circuitOpen(String service, long secondsUntilTrial) {
        return new Refusal(503, "Service Unavailable", "upstream-circuit-open", "Service unavailable", "The " + service
                + " service is failing; the gateway is not sending it requests for a while", service,
                Map.of("Retry-After", String.valueOf(secondsUntilTrial)), false);
    }

    public static Refusal busy(String service) {
        return new Refusal(503, "Service Unavailable", "upstream-busy", "Service busy", "The " + service
                + " service has too many requests waiting; try again shortly", service, Map.of("Retry-After", "1"), false);
    }

    public static Refusal unavailable(String service) {
        return new Refusal(503, "Service Unavailable", "upstream-unavailable", "Service unavailable", "The " + service
                + " service is not reachable; try again shortly", service, Map.of("Retry-After", "5"), false);
    }

    public static Refusal timeout(String service, long deadlineMillis) {
        return new Refusal(504, "Gateway Timeout", "upstream-timeout", "Gateway timeout", "The " + service
                + " service did not answer within " + deadlineMillis + " ms; try again shortly", service, Map.of(), false);
    }

    public static Refusal broken(String service) {
        return new Refusal(502, "Bad Gateway", "upstream-broken", "Bad gateway", "The connection to the " + service
                + " service broke before it answered; try again shortly", service, Map.of(), false);
    }

    /** The edge's words for a request it will not read on (RFC 9112's ambiguities, a request too large, too slow). */
    public static Refusal malformed(int status, String reason, String slug, String title, String detail) {
        return new Refusal(status, reason, slug, title, detail, null, Map.of(), true);
    }

    public static Refusal forbidden(String detail) {
        return new Refusal(403, "Forbidden", "forbidden", "Forbidden", detail, null, Map.of(), false);
    }

    public static Refusal tooLarge(long maxBytes) {
        return malformed(413, "Content Too Large", "payload-too-large", "Payload too large",
                "The request body is larger than " + maxBytes + " bytes");
    }

    public static Refusal tooManyInFlight(int max) {
        return new Refusal(429, "Too Many Requests", "too-many-in-flight", "Too many requests in flight", "At most "
                + max + " requests of one client are served at once; wait for an answer before sending more", null,
                Map.of("Retry-After", "1"), false);
    }

    public static Refusal requestTimeout(String detail) {
        return malformed(408, "Request Timeout", "request-timeout", "Request timeout", detail);
    }
}
