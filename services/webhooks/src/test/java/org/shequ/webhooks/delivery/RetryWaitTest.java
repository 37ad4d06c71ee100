package org.shequ.webhooks.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How long a failed delivery waits: doubling with jitter, or what the receiver asked for with Retry-After. */
class RetryWaitTest {

    private static final Instant NOW = Instant.parse("2024-11-26T12:00:00Z");

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        assertEquals(Duration.ofSeconds(120), DeliveryOutcomes.retryAfter("120", NOW));
        assertEquals(Duration.ofSeconds(90), DeliveryOutcomes.retryAfter("Tue, 26 Nov 2024 12:01:30 GMT", NOW));
        assertEquals(Duration.ZERO, DeliveryOutcomes.retryAfter("Tue, 26 Nov 2024 11:00:00 GMT", NOW));
        assertNull(DeliveryOutcomes.retryAfter("soon", NOW));
    }

    @Test
    void waitsDoubleWithinTwentyPercentAndStopAtTheCap() {
        for (int attempt = 1; attempt <= 6; attempt++) {
            long base = 5_000L << (attempt - 1);
            long wait = DeliveryOutcomes.backoff(Duration.ofSeconds(5), Duration.ofHours(1), attempt).toMillis();
            assertTrue(wait >= base * 0.8 && wait <= base * 1.2, attempt + ": " + wait);
        }
        long capped = DeliveryOutcomes.backoff(Duration.ofSeconds(5), Duration.ofHours(1), 30).toMillis();
        assertTrue(capped <= Duration.ofHours(1).toMillis() * 1.2, "capped: " + capped);
    }
}
