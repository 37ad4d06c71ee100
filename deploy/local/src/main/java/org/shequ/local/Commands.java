package org.shequ.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command to its end or its deadline. Its standard output is the value a caller reads; everything else it
 * says (installers' chatter, warnings) goes to standard error and is kept apart, for the message when it fails.
 * Both go to files, not pipes, so neither can fill up and stall the command while the other is being read.
 */
public final class Commands {

    /** What a finished command left: its exit status, its standard output and its standard error. */
    public record Result(int exitValue, String out, String err) {
    }

    private Commands() {
    }

    public static Result run(List<String> command, Map<String, String> env, Duration deadline) {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("shequ-cmd", ".out");
            err = Files.createTempFile("shequ-cmd", ".err");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().putAll(env);
            Process process = ChildProcesses.start(builder);
            try {
                if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    throw new IllegalStateException(String.join(" ", command) + " did not finish within " + deadline
                            + "; it said: " + Files.readString(err, StandardCharsets.UTF_8));
                }
            } finally {
                Reaper.release(process.toHandle());
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + String.join(" ", command), e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    /** The standard output of a command that must succeed; its own words on standard error when it does not. */
    public static String output(List<String> command, Map<String, String> env, Duration deadline) {
        Result result = run(command, env, deadline);
        if (result.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed with " + result.exitValue() + ": "
                    + result.err().strip() + (result.out().isBlank() ? "" : "\n" + result.out().strip()));
        }
        return result.out();
    }

    /**
     * The file a script prints the path of, e.g. {@code deploy/images/podman-ready}. Anything but the path of an
     * existing file on standard output is the script's failure, reported with what it said on standard error.
     */
    public static Path existingFile(List<String> command, Map<String, String> env, Duration deadline) {
        String printed = output(command, env, deadline).strip();
        Path file = printed.isEmpty() || printed.contains("\n") ? null : Path.of(printed);
        if (file == null || !Files.isRegularFile(file)) {
            throw new IllegalStateException(String.join(" ", command) + " printed «" + printed
                    + "» where the path of an existing file was expected");
        }
        return file;
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temp file left behind is harmless
            }
        }
    }
}
