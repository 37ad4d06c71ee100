package org.shequ.platform.jobs;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A job that keeps failing (its database away) backs off instead of hammering, and runs on time once it succeeds. */
class PeriodicTest {

    @Test
    void failuresInARowDoubleThePauseUpToTheCap() {
        Duration every = Duration.ofSeconds(10);
        assertEquals(every, Periodic.pauseAfter(every, 0));
        assertEquals(Duration.ofSeconds(20), Periodic.pauseAfter(every, 1));
        assertEquals(Duration.ofSeconds(80), Periodic.pauseAfter(every, 3));
        assertEquals(Periodic.MAX_BACKOFF, Periodic.pauseAfter(every, 40));
        // A job that runs less often than the cap keeps its own interval.
        assertEquals(Duration.ofHours(1), Periodic.pauseAfter(Duration.ofHours(1), 3));
    }

    @Test
    void aJobThatFailedRunsAgainAndKeepsRunningOnceItSucceeds() {
        AtomicInteger runs = new AtomicInteger();
        try (Periodic job = Periodic.every("flaky", Duration.ZERO, Duration.ofMillis(20), () -> {
            if (runs.incrementAndGet() <= 2) {
                throw new IllegalStateException("database away");
            }
        })) {
            await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() >= 6);
        }
    }
}
