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
import org.jboss.logging.Logger;
import org.shequ.platform.config.ShequConfig;
import org.shequ.platform.jobs.Periodic;

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
    private Periodic job;

    public OutboxCleanup(OutboxRepository repository, ShequConfig config, Clock clock, MeterRegistry metrics) {
        this.repository = repository;
        this.config = config.outbox();
        this.clock = clock;
        this.failures = Counter.builder("shequ.outbox.cleanup.failures")
                .description("Outbox clean-up rounds that failed").register(metrics);
        this.deleted = Counter.builder("shequ.outbox.cleanup.deleted")
                .description("Sent outbox events deleted after their retention").register(metrics);
    }

    void start(@Observes StartupEvent start) {
        job = Periodic.every("outbox-cleanup", config.cleanupInterval(), config.cleanupInterval(), this::runOnce);
    }

    void stop(@Observes ShutdownEvent stop) {
        if (job != null) {
            job.close();
        }
    }

    /** One pass: batch after batch until a batch comes back short. Returns how many rows went. */
    long runOnce() {
        Instant cutoff = clock.instant().minus(config.retention());
        long[] total = {0};
        try {
            Periodic.inBatches(config.cleanupBatchSize(), () -> {
                int batch = QuarkusTransaction.requiringNew().call(
                        () -> repository.deletePublishedBefore(cutoff, config.cleanupBatchSize()));
                total[0] += batch;
                deleted.increment(batch);
                return batch;
            });
            if (total[0] > 0) {
                LOG.infof("Outbox: deleted %d events published more than %s ago", total[0], config.retention());
            }
        } catch (RuntimeException e) {
            failures.increment();
            LOG.warnf("Outbox cleanup failed after deleting %d events (%s); next try in %s", total[0], e.getMessage(),
                    config.cleanupInterval());
        }
        return total[0];
    }
}
