package org.shequ.model.api;

/**
 * Whether this process has been told to stop (SIGTERM, or any JVM shutdown): set by a shutdown hook, so it is true
 * from the first moment of shutdown, before the framework begins its own sequence. Every app's shutdown gate reads it.
 */
public final class Stopping {

    private static volatile boolean began;
    private static boolean watching;

    private Stopping() {
    }

    /** Starts watching for the shutdown; calling it again does nothing. */
    public static synchronized void watch() {
        if (!watching) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> began = true, "shequ-stopping"));
            watching = true;
        }
    }

    public static boolean began() {
        return began;
    }
}
