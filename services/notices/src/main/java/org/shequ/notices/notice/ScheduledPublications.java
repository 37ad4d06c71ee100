package org.shequ.notices.notice;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.shequ.platform.jobs.Periodic;

/**
 * Publishes each draft whose {@code publishAt} has come, once, whatever the number of replicas: every replica runs
 * this job, and each run claims due drafts with {@code FOR UPDATE SKIP LOCKED}, publishes them and writes their
 * events in one transaction. Until then a scheduled notice is a draft: on no feed, stream or webhook.
 */
@ApplicationScoped
public class ScheduledPublications {

    private static final Logger LOG = Logger.getLogger(ScheduledPublications.class);
    private static final int BATCH = 50;

    private final NoticeRepository notices;
    private final NoticeService service;
    private final Clock clock;
    private final Duration interval;
    private Periodic job;

    public ScheduledPublications(NoticeRepository notices, NoticeService service, Clock clock,
                                 @ConfigProperty(name = "notices.schedule.interval", defaultValue = "PT5S")
                                 Duration interval) {
        this.notices = notices;
        this.service = service;
        this.clock = clock;
        this.interval = interval;
    }

    void start(@Observes StartupEvent start) {
        job = Periodic.every("scheduled-publications", interval, interval, () -> {
            long published = publishDue();
            if (published > 0) {
                LOG.infof("Published %d scheduled notice(s)", published);
            }
        });
    }

    void stop(@Observes ShutdownEvent stop) {
        if (job != null) {
            job.close();
        }
    }

    /** One run: publishes every draft due now; answers how many this replica published. */
    public long publishDue() {
        return Periodic.inBatches(BATCH, () -> QuarkusTransaction.requiringNew().call(() -> {
            List<Notice> due = notices.claimDue(clock.instant(), BATCH);
            due.forEach(service::publishScheduled);
            return due.size();
        }));
    }
}
