package org.shequ.gateway.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The keys tokens are checked against, from the same setting the services read ({@code shequ.jwt.public-key}): a PEM
 * file, a JWKS file, or the identity provider's JWKS URL. They are held in memory; a token naming a key id not in
 * the set makes the set be read again (at most once per {@link #REFRESH_GAP}), so a rotated key is picked up without a
 * restart and a flood of made-up key ids cannot turn into a flood of fetches.
 */
@ApplicationScoped
public class VerificationKeys {

    private static final Logger LOG = Logger.getLogger(VerificationKeys.class);
    /** The key of a PEM file has no id: it checks every token. */
    static final String ANY_KID = "";
    private static final Duration REFRESH_GAP = Duration.ofSeconds(30);

    private final String location;
    private final Vertx vertx;
    private final ObjectMapper json = new ObjectMapper();
    private volatile Map<String, PublicKey> keys = Map.of();
    private volatile long lastLoadNanos;

    public VerificationKeys(@ConfigProperty(name = "shequ.jwt.public-key") String location, Vertx vertx) {
        this.location = location;
        this.vertx = vertx;
    }

    /** The key for a token's {@code kid}, reading the set again when it is unknown and the last read is old enough. */
    Future<PublicKey> keyFor(String kid) {
        PublicKey known = lookup(kid);
        if (known != null) {
            return Future.succeededFuture(known);
        }
        if (!keys.isEmpty() && System.nanoTime() - lastLoadNanos < REFRESH_GAP.toNanos()) {
            return Future.failedFuture(new InvalidTokenException("The token was signed with a key this gateway does not know"));
        }
        return vertx.executeBlocking(() -> {
            reload();
            PublicKey key = lookup(kid);
            if (key == null) {
                throw new InvalidTokenException("The token was signed with a key this gateway does not know");
            }
            return key;
        }, false);
    }

    /** The key for a token's {@code kid} when it is in memory, else null (then {@link #keyFor} reads the set). */
    PublicKey inMemory(String kid) {
        return lookup(kid);
    }

    private PublicKey lookup(String kid) {
        Map<String, PublicKey> current = keys;
        PublicKey key = current.get(kid == null ? ANY_KID : kid);
        return key != null ? key : current.get(ANY_KID);
    }

    private synchronized void reload() {
        if (!keys.isEmpty() && System.nanoTime() - lastLoadNanos < REFRESH_GAP.toNanos()) {
            return;
        }
        lastLoadNanos = System.nanoTime();
        try {
            keys = parse(read());
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            LOG.warnf("Cannot read the token verification keys from %s: %s", location, e.toString());
        }
    }

    private String read() throws IOException {
        if (location.startsWith("http://") || location.startsWith("https://")) {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create(location)).timeout(Duration.ofSeconds(5)).build();
            try {
                HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 200) {
                    throw new IOException("HTTP " + answer.statusCode());
                }
                return answer.body();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        return Files.readString(Path.of(location));
    }

    Map<String, PublicKey> parse(String text) throws IOException, GeneralSecurityException {
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        if (text.contains("-----BEGIN PUBLIC KEY-----")) {
            byte[] der = Base64.getDecoder().decode(text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
            return Map.of(ANY_KID, rsa.generatePublic(new X509EncodedKeySpec(der)));
        }
        Map<String, PublicKey> parsed = new HashMap<>();
        for (JsonNode jwk : json.readTree(text).path("keys")) {
            if (!"RSA".equals(jwk.path("kty").asText()) || "enc".equals(jwk.path("use").asText())) {
                continue;
            }
            BigInteger modulus = new BigInteger(1, Base64.getUrlDecoder().decode(jwk.path("n").asText()));
            BigInteger exponent = new BigInteger(1, Base64.getUrlDecoder().decode(jwk.path("e").asText()));
            parsed.put(jwk.path("kid").asText(ANY_KID), rsa.generatePublic(new RSAPublicKeySpec(modulus, exponent)));
        }
        return Map.copyOf(parsed);
    }
}
