package org.shequ.platform.jobs;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.jboss.logging.Logger;

/**
 * Work a service does on its own daemon thread every so often (housekeeping, overdue checks), apart from requests and
 * from the outbox relay. A run that fails (the database away, say) is logged and the pause before the next one
 * doubles, up to {@link #MAX_BACKOFF} or the job's own interval if that is longer, so an outage is not hammered; the
 * first run that succeeds brings the interval back. {@link #close} stops it on shutdown. With several replicas each
 * runs its own; the work itself must be safe for that (SKIP LOCKED, bounded deletes).
 */
public final class Periodic implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Periodic.class);
    static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    private final ScheduledExecutorService scheduler;
    private final String name;
    private final Duration every;
    private final Runnable task;
    private int failuresInARow;

    private Periodic(ScheduledExecutorService scheduler, String name, Duration every, Runnable task) {
        this.scheduler = scheduler;
        this.name = name;
        this.every = every;
        this.task = task;
    }

    /** Runs {@code task} after {@code first}, then {@code every} after each run ends (longer after failures). */
    public static Periodic every(String name, Duration first, Duration every, Runnable task) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        Periodic periodic = new Periodic(scheduler, name, every, task);
        periodic.schedule(first);
        return periodic;
    }

    private void runOnce() {
        try {
            task.run();
            failuresInARow = 0;
        } catch (RuntimeException e) {
            failuresInARow++;
            LOG.warnf("%s failed (%s); next try in %s", name, e.getMessage(), pauseAfter(every, failuresInARow));
        }
        schedule(pauseAfter(every, failuresInARow));
    }

    private void schedule(Duration delay) {
        try {
            scheduler.schedule(this::runOnce, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            // shutting down: no next run
        }
    }

    /** The pause before the next run: the interval, doubled per failure in a row, capped. */
    static Duration pauseAfter(Duration every, int failuresInARow) {
        Duration cap = every.compareTo(MAX_BACKOFF) > 0 ? every : MAX_BACKOFF;
        Duration pause = every;
        for (int i = 0; i < failuresInARow && pause.compareTo(cap) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(cap) > 0 ? cap : pause;
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
