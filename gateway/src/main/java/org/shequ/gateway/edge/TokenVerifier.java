package org.shequ.gateway.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks an RS256 bearer token the way the services do (signature, expiry, not-before, issuer, audience), on the
 * event loop: the keys are in memory, and a token already checked is remembered until it expires, so a client's
 * second request costs a map lookup instead of an RSA verification. Any other algorithm, {@code none} included, is
 * refused: the key type decides the algorithm, never the token.
 */
@ApplicationScoped
public class TokenVerifier {

    /** Clock skew allowed between the identity provider and this gateway; within what the services allow, so a token the gateway passes is not already expired for them. */
    static final long LEEWAY_SECONDS = 30;
    private static final int REMEMBERED_MAX = 20_000;
    private static final ThreadLocal<Signature> RS256 = ThreadLocal.withInitial(() -> {
        try {
            return Signature.getInstance("SHA256withRSA");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });

    private final VerificationKeys keys;
    private final String issuer;
    private final String audience;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Caller> remembered = new ConcurrentHashMap<>();

    @Inject
    public TokenVerifier(VerificationKeys keys, @ConfigProperty(name = "shequ.jwt.issuer") String issuer,
                         @ConfigProperty(name = "shequ.jwt.audience") String audience) {
        this(keys, issuer, audience, Clock.systemUTC());
    }

    TokenVerifier(VerificationKeys keys, String issuer, String audience, Clock clock) {
        this.keys = keys;
        this.issuer = issuer;
        this.audience = audience;
        this.clock = clock;
    }

    /** Until when (epoch milliseconds) a caller verified before may be served without checking its token again. */
    public long validUntilMillis(Caller caller) {
        return caller.expiresAtEpochSecond() >= Long.MAX_VALUE / 1000 - LEEWAY_SECONDS ? Long.MAX_VALUE
                : (caller.expiresAtEpochSecond() + LEEWAY_SECONDS) * 1000 + 999;
    }

    /**
     * The caller an {@code Authorization} header's bearer token speaks for, or a failed future with an
     * {@link InvalidTokenException} saying why not. Remembered by the whole header value, so a known token costs no
     * copy of it.
     */
    public Future<Caller> verify(String authorization) {
        Caller known = remembered.get(authorization);
        long now = clock.instant().getEpochSecond();
        if (known != null) {
            return now <= known.expiresAtEpochSecond() + LEEWAY_SECONDS ? Future.succeededFuture(known)
                    : Future.failedFuture(new InvalidTokenException("The token has expired"));
        }
        if (authorization.length() < 8 || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Future.failedFuture(new InvalidTokenException("Send the token as 'Authorization: Bearer <JWT>'"));
        }
        String[] parts = authorization.substring(7).strip().split("\\.", -1);
        if (parts.length != 3 || parts[2].isEmpty()) {
            return Future.failedFuture(new InvalidTokenException("The bearer token is not a signed JWT"));
        }
        JsonNode header;
        JsonNode claims;
        try {
            header = json.readTree(Base64.getUrlDecoder().decode(parts[0]));
            claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException | IllegalArgumentException e) {
            return Future.failedFuture(new InvalidTokenException("The bearer token is not a readable JWT"));
        }
        if (!"RS256".equals(header.path("alg").asText())) {
            return Future.failedFuture(new InvalidTokenException("Only RS256-signed tokens are accepted"));
        }
        String kid = header.hasNonNull("kid") ? header.get("kid").asText() : null;
        PublicKey inMemory = keys.inMemory(kid);
        if (inMemory != null) { // answered at once, on the edge's event loop
            try {
                return Future.succeededFuture(remember(authorization, check(parts, inMemory, claims, now)));
            } catch (InvalidTokenException refused) {
                return Future.failedFuture(refused);
            }
        }
        return keys.keyFor(kid).compose(key -> Future.succeededFuture(remember(authorization,
                check(parts, key, claims, now))));
    }

    private Caller remember(String authorization, Caller caller) {
        if (remembered.size() >= REMEMBERED_MAX) {
            remembered.clear();
        }
        remembered.put(authorization, caller);
        return caller;
    }

    private Caller check(String[] parts, PublicKey key, JsonNode claims, long now) {
        if (!signatureHolds(parts, key)) {
            throw new InvalidTokenException("The token's signature does not verify");
        }
        if (!claims.path("exp").canConvertToLong() || now > claims.path("exp").asLong() + LEEWAY_SECONDS) {
            throw new InvalidTokenException(claims.has("exp") ? "The token has expired" : "The token has no expiry");
        }
        if (claims.has("nbf") && now + LEEWAY_SECONDS < claims.path("nbf").asLong()) {
            throw new InvalidTokenException("The token is not valid yet");
        }
        if (!issuer.equals(claims.path("iss").asText())) {
            throw new InvalidTokenException("The token was issued by someone this gateway does not trust");
        }
        if (!audienceHolds(claims.path("aud"))) {
            throw new InvalidTokenException("The token is meant for another audience than " + audience);
        }
        String subject = claims.path("sub").asText(null);
        if (subject == null || subject.isBlank()) {
            throw new InvalidTokenException("The token names no subject");
        }
        Set<String> roles = new LinkedHashSet<>();
        claims.path("groups").forEach(role -> roles.add(role.asText()));
        return Caller.of(subject, Set.copyOf(roles), claims.path("exp").asLong());
    }

    private boolean audienceHolds(JsonNode aud) {
        if (aud.isArray()) {
            for (JsonNode one : aud) {
                if (audience.equals(one.asText())) {
                    return true;
                }
            }
            return false;
        }
        return audience.equals(aud.asText());
    }

    private static boolean signatureHolds(String[] parts, PublicKey key) {
        try {
            Signature rsa = RS256.get();
            rsa.initVerify(key);
            rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return rsa.verify(Base64.getUrlDecoder().decode(parts[2]));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
