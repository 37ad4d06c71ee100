package org.shequ.foodinspections.rectification;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.shequ.model.events.food.RectificationEvent;
import org.shequ.platform.jobs.Periodic;
import org.shequ.platform.outbox.Outbox;

/**
 * Announces each rectification order that passes its due date still open, once, whatever the number of replicas:
 * every replica runs this job, and each run claims unannounced overdue orders with {@code FOR UPDATE SKIP LOCKED},
 * marks them announced and writes their events in one transaction. A second replica running at the same moment
 * skips the rows the first holds and, once it commits, no longer finds them unannounced; a replica that dies
 * mid-run rolls back, and the next run anywhere announces them.
 */
@ApplicationScoped
public class OverdueRectifications {

    private static final Logger LOG = Logger.getLogger(OverdueRectifications.class);
    private static final int BATCH = 100;

    private final RectificationRepository rectifications;
    private final Outbox outbox;
    private final Clock clock;
    private final Duration interval;
    private Periodic job;

    public OverdueRectifications(RectificationRepository rectifications, Outbox outbox, Clock clock,
                                 @ConfigProperty(name = "food.overdue.interval", defaultValue = "PT1M") Duration interval) {
        this.rectifications = rectifications;
        this.outbox = outbox;
        this.clock = clock;
        this.interval = interval;
    }

    void start(@Observes StartupEvent start) {
        job = Periodic.every("overdue-rectifications", Duration.ZERO, interval, () -> {
            long announced = announceDue();
            if (announced > 0) {
                LOG.infof("Announced %d overdue rectification order(s)", announced);
            }
        });
    }

    void stop(@Observes ShutdownEvent stop) {
        if (job != null) {
            job.close();
        }
    }

    /** One run: announces every order overdue now and not yet announced; answers how many this replica announced. */
    public long announceDue() {
        return Periodic.inBatches(BATCH, () -> QuarkusTransaction.requiringNew().call(this::announceBatch));
    }

    private int announceBatch() {
        Instant now = clock.instant();
        List<Rectification> due = rectifications.claimUnannounced(now, BATCH);
        for (Rectification order : due) {
            order.overdueAnnouncedAt = now;
            outbox.append(new RectificationEvent.Overdue(order.id, order.inspectionId, order.providerId,
                    order.item.name(), order.dueAt, now));
        }
        return due.size();
    }
}
