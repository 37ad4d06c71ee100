package org.shequ.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Processes stopped with SIGSTOP, as a hung server looks from outside: connections stay open and nothing answers.
 * Closing it wakes them (SIGCONT), so a fault test that fails halfway still leaves its infrastructure running; should
 * the JVM die first, the {@link Reaper} wakes and stops them.
 */
public final class Frozen implements AutoCloseable {

    private static final Duration SIGNAL_DEADLINE = Duration.ofSeconds(5);

    private final List<ProcessHandle> processes;

    private Frozen(List<ProcessHandle> processes) {
        this.processes = processes;
    }

    public static Frozen freeze(List<ProcessHandle> processes) {
        if (processes.isEmpty()) {
            throw new IllegalArgumentException("nothing to freeze");
        }
        signal("-STOP", processes);
        return new Frozen(List.copyOf(processes));
    }

    @Override
    public void close() {
        signal("-CONT", processes);
    }

    private static void signal(String signal, List<ProcessHandle> processes) {
        List<String> command = new ArrayList<>(List.of("kill", signal));
        processes.forEach(process -> command.add(Long.toString(process.pid())));
        Commands.Result result = Commands.run(command, java.util.Map.of(), SIGNAL_DEADLINE);
        if (result.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + result.err());
        }
    }
}
