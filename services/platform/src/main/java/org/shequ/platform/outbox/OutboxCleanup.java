package org.shequ.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.shequ.platform.config.ShequConfig;

/**
 * Deletes published events once their retention is over, on its own thread and in bounded batches: a backlog of
 * millions never becomes one long transaction, and a failed cleanup never holds up or counts against publishing.
 */
@ApplicationScoped
public class OutboxCleanup {

    private static final Logger LOG = Logger.getLogger(OutboxCleanup.class);

    private final OutboxRepository repository;
    private final ShequConfig.Outbox config;
    private final Clock clock;
    private final Counter failures;
    private final Counter deleted;
    private ScheduledExecutorService scheduler;

    public OutboxCleanup(OutboxRepository repository, ShequConfig config, Clock clock, MeterRegistry metrics) {
        this.repository = repository;
        this.config = config.outbox();
        this.clock = clock;
        this.failures = metrics.counter("shequ.outbox.cleanup.failures");
        this.deleted = metrics.counter("shequ.outbox.cleanup.deleted");
    }

    void start(@Observes StartupEvent start) {
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "outbox-cleanup");
            thread.setDaemon(true);
            return thread;
        });
        long every = config.cleanupInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::runOnce, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent stop) {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    /** One pass: batch after batch until a batch comes back short. Returns how many rows went. */
    long runOnce() {
        Instant cutoff = clock.instant().minus(config.retention());
        long total = 0;
        try {
            int batch;
            do {
                batch = QuarkusTransaction.requiringNew().call(
                        () -> repository.deletePublishedBefore(cutoff, config.cleanupBatchSize()));
                total += batch;
                deleted.increment(batch);
            } while (batch == config.cleanupBatchSize() && !Thread.currentThread().isInterrupted());
            if (total > 0) {
                LOG.infof("Outbox: deleted %d events published more than %s ago", total, config.retention());
            }
        } catch (RuntimeException e) {
            failures.increment();
            LOG.warnf("Outbox cleanup failed after deleting %d events (%s); next try in %s", total, e.getMessage(),
                    config.cleanupInterval());
        }
        return total;
    }
}
