package org.shequ.platform.config;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;

/** The one clock services read "now" from, so tests can pin time where a rule depends on it. */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock clock() {
        // Microsecond ticks: what DATETIME(6) keeps, so a value returned on create equals the one read back later.
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
