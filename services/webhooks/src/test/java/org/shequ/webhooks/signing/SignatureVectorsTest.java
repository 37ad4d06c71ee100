package org.shequ.webhooks.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The documented test vectors: the service signs them to the documented signatures, and the documented example
 * receiver accepts them and refuses a tampered body, an old timestamp and a wrong secret.
 */
class SignatureVectorsTest {

    /** The Standard Webhooks specification's own vector, then one of Shequ's with Chinese text. */
    static final String SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final long SPEC_TIMESTAMP = 1614265330L;
    static final String SPEC_BODY = "{\"test\": 2432232314}";
    static final String SPEC_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    static final String SHEQU_ID = "7d3f0c2e-9b1a-4c55-8e21-3f6a2b9d4c10";
    static final long SHEQU_TIMESTAMP = 1732622400L;
    static final String SHEQU_BODY = "{\"specversion\":\"1.0\",\"id\":\"7d3f0c2e-9b1a-4c55-8e21-3f6a2b9d4c10\","
            + "\"type\":\"shequ.notices.notice.published.v1\",\"data\":{\"title\":\"停水通知\"}}";
    static final String SHEQU_SIGNATURE = "v1,H666nlADL9stiVLWV62cTUR6x1nwd1hVNRe7BiLTmcQ=";

    @Test
    void theServiceSignsTheVectorsAsDocumented() {
        assertEquals(SPEC_SIGNATURE, WebhookSignature.sign(SPEC_SECRET, SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY));
        assertEquals(SHEQU_SIGNATURE, WebhookSignature.sign(SPEC_SECRET, SHEQU_ID, SHEQU_TIMESTAMP, SHEQU_BODY));
    }

    @Test
    void theExampleReceiverAcceptsThemAndRefusesTamperingReplaysAndOtherSecrets() throws Exception {
        Instant then = Instant.ofEpochSecond(SHEQU_TIMESTAMP + 30);
        assertTrue(ExampleReceiver.verify(SPEC_SECRET, SHEQU_ID, Long.toString(SHEQU_TIMESTAMP), SHEQU_SIGNATURE,
                SHEQU_BODY, then));
        assertTrue(ExampleReceiver.verify(SPEC_SECRET, SHEQU_ID, Long.toString(SHEQU_TIMESTAMP),
                "v1,bm90IHRoZSByaWdodCBvbmU= " + SHEQU_SIGNATURE, SHEQU_BODY, then), "one of two during a rotation");
        assertFalse(ExampleReceiver.verify(SPEC_SECRET, SHEQU_ID, Long.toString(SHEQU_TIMESTAMP), SHEQU_SIGNATURE,
                SHEQU_BODY.replace("停水", "停电"), then), "tampered body");
        assertFalse(ExampleReceiver.verify(SPEC_SECRET, SHEQU_ID, Long.toString(SHEQU_TIMESTAMP), SHEQU_SIGNATURE,
                SHEQU_BODY, Instant.ofEpochSecond(SHEQU_TIMESTAMP + 301)), "older than five minutes");
        assertFalse(ExampleReceiver.verify(WebhookSignature.newSecret(), SHEQU_ID, Long.toString(SHEQU_TIMESTAMP),
                SHEQU_SIGNATURE, SHEQU_BODY, then), "another secret");
        assertTrue(WebhookSignature.verify(SPEC_SECRET, SPEC_ID, Long.toString(SPEC_TIMESTAMP), SPEC_BODY,
                SPEC_SIGNATURE, Instant.ofEpochSecond(SPEC_TIMESTAMP)));
    }

    @Test
    void theGuideShowsTheExampleReceiverAsTheTestsRunIt() throws Exception {
        Path home = Path.of("").toAbsolutePath();
        while (!Files.exists(home.resolve("docs/WEBHOOKS.md"))) {
            home = home.getParent();
        }
        String guide = Files.readString(home.resolve("docs/WEBHOOKS.md"));
        List<String> example = Files.readAllLines(home.resolve(
                "services/webhooks/src/test/java/org/shequ/webhooks/signing/ExampleReceiver.java"));
        String code = String.join("\n", example.subList(example.indexOf("import java.nio.charset.StandardCharsets;"),
                example.size()));
        assertTrue(guide.contains(code), "docs/WEBHOOKS.md shows ExampleReceiver.java from its imports on");
        for (String vector : List.of(SPEC_SECRET, SPEC_SIGNATURE, SHEQU_SIGNATURE, SHEQU_ID, Long.toString(SHEQU_TIMESTAMP))) {
            assertTrue(guide.contains(vector), vector);
        }
    }
}
