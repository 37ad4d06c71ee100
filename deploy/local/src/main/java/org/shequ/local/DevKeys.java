package org.shequ.local;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import java.util.Map;
import java.util.UUID;

/**
 * The local RS256 signing key, made on first use and kept out of git. Services verify tokens against
 * {@code public.pem}; {@link #token} signs a dev token the way an identity provider would in production.
 */
public final class DevKeys {

    public static final String ISSUER = "https://shequ.local/dev-issuer";
    /** The audience every Shequ service accepts; a token minted for another system is refused. */
    public static final String AUDIENCE = "shequ";
    public static final Set<String> ROLES =
            Set.of("resident", "grid-worker", "inspector", "community-admin", "district-admin", "integration");

    private final Path dir;

    public DevKeys(Path dir) {
        this.dir = dir;
    }

    public Path publicKey() {
        ensure();
        return dir.resolve("public.pem");
    }

    public String token(String role, String subject, Duration ttl) {
        return token(role, subject, ttl, AUDIENCE);
    }

    /** A token for another audience, as a different system in the same identity provider would get. */
    public String token(String role, String subject, Duration ttl, String audience) {
        return token(role, subject, ttl, audience, Map.of());
    }

    /**
     * A token with claims beyond the standard ones, as the identity provider adds them: {@code community} names the
     * community a {@code community-admin} acts within.
     */
    public String token(String role, String subject, Duration ttl, String audience, Map<String, String> claims) {
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("Unknown role '" + role + "'; one of " + ROLES);
        }
        ensure();
        Instant now = Instant.now();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"shequ-dev\"}";
        String payload = "{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + json(audience) + "\",\"sub\":\"" + json(subject) + "\",\"upn\":\"" + json(subject)
                + "\",\"groups\":[\"" + role + "\"],\"iat\":" + now.getEpochSecond()
                + ",\"exp\":" + now.plus(ttl).getEpochSecond() + ",\"jti\":\"" + UUID.randomUUID() + "\""
                + claims.entrySet().stream().map(c -> ",\"" + json(c.getKey()) + "\":\"" + json(c.getValue()) + "\"")
                        .collect(java.util.stream.Collectors.joining())
                + "}";
        String signingInput = b64(header.getBytes(StandardCharsets.UTF_8)) + "." + b64(payload.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(privateKey());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + b64(rsa.sign());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot sign a dev token", e);
        }
    }

    /**
     * The public key as a JSON Web Key Set, the form identity providers publish at a URL so that keys can rotate;
     * services take either this or the PEM file.
     */
    public String jwks() {
        ensure();
        try {
            String pem = Files.readString(dir.resolve("public.pem"));
            byte[] der = Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
            RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
            return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"shequ-dev\",\"n\":\""
                    + b64(unsigned(key.getModulus())) + "\",\"e\":\"" + b64(unsigned(key.getPublicExponent())) + "\"}]}";
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot read the dev public key in " + dir, e);
        }
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private synchronized void ensure() {
        if (Files.exists(dir.resolve("private.pem")) && Files.exists(dir.resolve("public.pem"))) {
            return;
        }
        try {
            Files.createDirectories(dir);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Path privateFile = dir.resolve("private.pem");
            Files.writeString(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            try {
                Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system; the key is for local development only
            }
            Files.writeString(dir.resolve("public.pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot create the dev signing key in " + dir, e);
        }
    }

    private PrivateKey privateKey() throws IOException, GeneralSecurityException {
        String pem = Files.readString(dir.resolve("private.pem"));
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
