package org.shequ.platform.jobs;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.jboss.logging.Logger;

/**
 * Work a service does on its own daemon thread every so often (housekeeping, overdue checks), apart from requests and
 * from the outbox relay: a run that fails is logged and the next one comes on time; {@link #close} stops it on
 * shutdown. With several replicas each runs its own; the work itself must be safe for that (SKIP LOCKED, bounded
 * deletes).
 */
public final class Periodic implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Periodic.class);

    private final ScheduledExecutorService scheduler;

    private Periodic(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    /** Runs {@code task} after {@code first}, then {@code every} after each run ends. */
    public static Periodic every(String name, Duration first, Duration every, Runnable task) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warnf("%s failed (%s); next try in %s", name, e.getMessage(), every);
            }
        }, first.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return new Periodic(scheduler);
    }

    /**
     * Runs {@code batch} (each call one bounded transaction answering how many rows it handled) until a batch comes
     * back short of {@code size} or the thread is interrupted; answers the total. Large backlogs so never become one
     * long transaction.
     */
    public static long inBatches(int size, IntSupplier batch) {
        long total = 0;
        int handled;
        do {
            handled = batch.getAsInt();
            total += handled;
        } while (handled == size && !Thread.currentThread().isInterrupted());
        return total;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
