package org.shequ.webhooks.delivery;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;
import org.shequ.platform.jobs.Periodic;

/**
 * Keeps the delivery log to its 30 days: finished deliveries older than that, and their attempts, are deleted in
 * small batches every hour, on a thread of their own so that sending never waits on it. Pending deliveries stay
 * whatever their age: they are still owed (and fail on their own after three days).
 */
@ApplicationScoped
public class DeliveryHousekeeping {

    private static final Logger LOG = Logger.getLogger(DeliveryHousekeeping.class);
    private static final Duration EVERY = Duration.ofHours(1);
    private static final int BATCH = 500;

    private final EntityManager em;
    private final Clock clock;
    private Periodic job;

    public DeliveryHousekeeping(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    void start(@Observes StartupEvent start) {
        job = Periodic.every("webhook-housekeeping", Duration.ofMinutes(1), EVERY, () -> {
            long purged = purge();
            if (purged > 0) {
                LOG.infof("Deleted %d deliveries older than the log's 30 days", purged);
            }
        });
    }

    void stop(@Observes ShutdownEvent stop) {
        if (job != null) {
            job.close();
        }
    }

    /** Deletes what is past the log's 30 days; answers how many deliveries went. */
    public long purge() {
        Instant cutoff = clock.instant().minus(DeliveryLog.KEPT);
        return Periodic.inBatches(BATCH, () -> QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("DELETE a FROM delivery_attempt a JOIN (SELECT id FROM delivery"
                    + " WHERE status <> 'PENDING' AND created_at < ?1 ORDER BY created_at LIMIT " + BATCH
                    + ") d ON d.id = a.delivery_id").setParameter(1, cutoff).executeUpdate();
            return em.createNativeQuery("DELETE FROM delivery WHERE status <> 'PENDING' AND created_at < ?1"
                    + " ORDER BY created_at LIMIT " + BATCH).setParameter(1, cutoff).executeUpdate();
        }));
    }
}
