package org.shequ.gateway.edge;

import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import org.shequ.gateway.GatewayConfig;

/**
 * Who may get past the gateway. A request that carries a bearer token must carry a valid one: an expired, foreign,
 * unsigned or tampered token is refused here and never reaches a service. Without a token, reads pass (public data
 * needs none; the service answers 401 where it does) and writes are refused here, except under the prefixes whose
 * service answers in its own error format. Either way the services check roles again: the gateway is a first line,
 * not the only one.
 */
@ApplicationScoped
public class EdgeAuth {

    /** Headers some proxies use to tell a service who the user is. No client may send them through this gateway. */
    private static final Set<String> IDENTITY_HEADERS = Set.of("x-forwarded-user", "x-forwarded-email",
            "x-forwarded-groups", "x-forwarded-preferred-username", "x-remote-user", "remote-user", "x-user",
            "x-user-id", "x-auth-user", "x-authenticated-user", "x-authenticated-userid", "x-consumer-id",
            "x-consumer-username", "x-jwt-payload", "x-userinfo", "x-client-cert", "x-ssl-client-cert");
    private static final Set<String> SHEQU_ROLES = Set.of("resident", "grid-worker", "inspector", "community-admin",
            "district-admin", "integration");

    private final TokenVerifier verifier;
    private final List<String> ownErrorFormatPrefixes;
    private final java.util.Set<String> publicWritePaths;

    public EdgeAuth(TokenVerifier verifier, GatewayConfig config) {
        this.verifier = verifier;
        this.ownErrorFormatPrefixes = config.ownErrorFormatPrefixes();
        this.publicWritePaths = java.util.Set.copyOf(config.publicWritePaths());
    }

    /** The identity headers no client may send through this gateway, lower case (besides any {@code X-Shequ-*}). */
    public static Set<String> identityHeaders() {
        return IDENTITY_HEADERS;
    }

    /** What a 401 says about why the request was refused. */
    public static String refusalDetail(Throwable failure) {
        return failure instanceof InvalidTokenException || failure instanceof AnonymousWrite
                ? failure.getMessage() : "The token could not be checked";
    }

    /** The 401's {@code WWW-Authenticate} challenge (RFC 6750 §3). */
    public static String challenge(Throwable failure) {
        return failure instanceof AnonymousWrite ? "Bearer realm=\"shequ\""
                : "Bearer realm=\"shequ\", error=\"invalid_token\"";
    }

    /** A write by a caller with a token but no Shequ role is refused at the edge (403): no service would take it. */
    public static boolean mayChange(Caller caller) {
        return caller.isAnonymous() || caller.roles().stream().anyMatch(SHEQU_ROLES::contains);
    }

    /** GET, HEAD and OPTIONS: reading needs no token at the edge (public data), changing does. */
    public static boolean isRead(String method) {
        return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    }

    /**
     * The caller ({@code clientAddress} names an anonymous one, see {@link ClientAddresses}), or a failed future: {@link InvalidTokenException} for a bad token (401), {@link AnonymousWrite}
     * for a write without one (401).
     */
    /** The same, from the request's method, its {@code Authorization} value ({@code null}: none) and path. */
    public Future<Caller> authenticate(String method, String authorization, String path, Caller anonymous) {
        if (authorization == null) {
            if (isRead(method) || ownErrorFormatPrefixes.stream().anyMatch(path::startsWith)
                    || (method.equals("POST") && publicWritePaths.contains(path))) {
                return Future.succeededFuture(anonymous);
            }
            return Future.failedFuture(new AnonymousWrite());
        }
        return verifier.verify(authorization);
    }

    /** A write without a token: refused at the edge, no service needs to see it. */
    public static final class AnonymousWrite extends RuntimeException {
        AnonymousWrite() {
            super("A bearer token is required to change anything", null, false, false);
        }
    }
}
