package org.shequ.local;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Stopping a child process the way an operator would: SIGTERM, time to shut down cleanly, SIGKILL only if it hangs. */
final class ChildProcesses {

    private ChildProcesses() {
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
        }
    }
}
