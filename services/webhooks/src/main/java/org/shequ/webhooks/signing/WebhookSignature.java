package org.shequ.webhooks.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures (standardwebhooks.com): a secret is {@code whsec_} and the base64 of 32 random bytes;
 * a signature is {@code v1,} and the base64 of HMAC-SHA256, keyed by those bytes, over {@code id.timestamp.body};
 * several are sent space-separated while a secret is being rotated. docs/WEBHOOKS.md shows the receiver's side.
 */
public final class WebhookSignature {

    public static final String PREFIX = "whsec_";
    /** How far a receiver lets {@code webhook-timestamp} stray from its clock before it refuses a request. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    public static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** {@code v1,<base64>} for one secret. */
    public static String sign(String secret, String id, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            byte[] signature = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    /** The {@code webhook-signature} header: one signature per secret that is valid now, space-separated. */
    public static String header(List<String> secrets, String id, long timestamp, String body) {
        return String.join(" ", secrets.stream().map(s -> sign(s, id, timestamp, body)).toList());
    }

    /**
     * The receiver's check: the timestamp within {@link #TOLERANCE} of {@code now}, and one of the header's {@code v1}
     * signatures equal, in constant time, to the one computed with {@code secret}.
     */
    public static boolean verify(String secret, String id, String timestamp, String body, String header, Instant now) {
        long sent;
        try {
            sent = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - sent) > TOLERANCE.toSeconds()) {
            return false;
        }
        byte[] expected = sign(secret, id, sent, body).getBytes(StandardCharsets.US_ASCII);
        for (String candidate : header.split(" ")) {
            if (MessageDigest.isEqual(expected, candidate.strip().getBytes(StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }

    private static byte[] key(String secret) {
        return Base64.getDecoder().decode(secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret);
    }
}
