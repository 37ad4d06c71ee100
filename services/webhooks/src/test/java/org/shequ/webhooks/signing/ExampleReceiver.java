package org.shequ.webhooks.signing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** How a receiver checks a Shequ webhook: copied into docs/WEBHOOKS.md, which a test keeps equal to this file. */
public final class ExampleReceiver {

    /**
     * True when the request is from Shequ and fresh: {@code id}, {@code timestamp} and {@code signature} are the
     * {@code webhook-id}, {@code webhook-timestamp} and {@code webhook-signature} headers, {@code body} the raw
     * request body (before any JSON parsing), {@code secret} the {@code whsec_...} shown when you subscribed.
     */
    public static boolean verify(String secret, String id, String timestamp, String signature, String body,
                                 Instant now) throws Exception {
        long sent = Long.parseLong(timestamp);
        if (Math.abs(now.getEpochSecond() - sent) > 5 * 60) {
            return false; // too old or from the future: a replay, refuse it
        }
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        String expected = "v1," + Base64.getEncoder().encodeToString(
                mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        for (String candidate : signature.split(" ")) { // during a secret rotation two signatures are sent
            if (MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                    candidate.getBytes(StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }
}
