package org.shequ.local;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Stopping a child process the way an operator would: SIGTERM, time to shut down cleanly, SIGKILL only if it hangs. */
final class ChildProcesses {

    private ChildProcesses() {
    }

    /** Starts {@code builder}'s process and has the {@link Reaper} stop it should this JVM end first. */
    static Process start(ProcessBuilder builder) throws java.io.IOException {
        Process process = builder.start();
        Reaper.guard(process.toHandle());
        return process;
    }

    static void stop(Process process, Duration grace) {
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            Reaper.release(process.toHandle());
        }
    }
}
