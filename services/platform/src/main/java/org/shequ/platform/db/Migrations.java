package org.shequ.platform.db;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.sql.Connection;
import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jboss.logging.Logger;
import org.shequ.platform.config.ShequConfig;
import org.shequ.platform.config.ShequConfig.MigrationMode;

/**
 * Brings the service's own database to the latest version, before anything else touches it: first the platform's
 * tables ({@code db/platform}, the outbox), then the service's own ({@code db/migration/V*__*.sql}), each with its
 * own history table. Flyway runs as a plain library: the Quarkus extension does not resolve with the MySQL driver at
 * this Quarkus version.
 *
 * <p>{@code shequ.db.migrate} says where that happens. {@code at-start}: here, as the app starts. {@code only}: here,
 * and then the process exits, as the cluster's migration Job runs it, with no deadline of a start-up probe over a
 * long {@code ALTER TABLE}. {@code never}: not in this process (whose database user may not change the schema); the
 * start waits until Flyway sees nothing pending, so that nothing (readiness, start-up work such as a search backfill)
 * runs on a schema older than the code, and fails after {@code shequ.db.migration-wait} if the Job has not run.
 */
@ApplicationScoped
public class Migrations {

    private static final Logger LOG = Logger.getLogger(Migrations.class);
    static final String PLATFORM_HISTORY = "flyway_platform_history";

    private static final String SERVICE_HISTORY = "flyway_schema_history";

    private final AgroalDataSource dataSource;
    private final MigrationMode mode;
    private final Duration wait;
    private volatile boolean done;

    public Migrations(AgroalDataSource dataSource, ShequConfig config) {
        this.dataSource = dataSource;
        this.mode = config.db().migrate();
        this.wait = config.db().migrationWait();
    }

    void migrate(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent start)
            throws SQLException, InterruptedException {
        if (mode == MigrationMode.NEVER) {
            awaitMigrated();
            done = true;
            return;
        }
        migrate(dataSource);
        done = true;
        if (mode == MigrationMode.ONLY) {
            LOG.info("Migrated; exiting (shequ.db.migrate=only)");
            Quarkus.asyncExit(0);
        }
    }

    /**
     * The whole migration of one database. Safe when several instances start on it at once: Flyway holds a named
     * database lock (MySQL {@code GET_LOCK}) around each history table's migration, so one instance applies each
     * version and the others wait, then find it applied ({@code ConcurrentMigrationsTest}).
     */
    static void migrate(DataSource pool) throws SQLException {
        DataSource dataSource = new MigrationConnections(pool);
        try (Connection connection = dataSource.getConnection()) {
            refuseForeignSchema(connection);
        }
        run(dataSource, "db/platform", PLATFORM_HISTORY, false);
        // The platform's tables are there now; the service's history starts beside them.
        run(dataSource, "db/migration", SERVICE_HISTORY, true);
    }

    /**
     * A database with tables but without this platform's history belongs to something else (another service, another
     * product, a restored dump in the wrong place). Migrating into it would mix two schemas; refuse, and say why.
     */
    static void refuseForeignSchema(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() ORDER BY table_name");
             ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        if (!tables.isEmpty() && !tables.contains(PLATFORM_HISTORY)) {
            throw new IllegalStateException("Database '" + connection.getCatalog() + "' is not empty (tables "
                    + (tables.size() > 10 ? tables.subList(0, 10) + " ..." : tables) + ") and has no "
                    + PLATFORM_HISTORY + ": it is not this service's. Refusing to migrate into it; point SHEQU_DB_NAME"
                    + " (shequ.db.name) at an empty database or at this service's own.");
        }
    }

    private static void run(DataSource dataSource, String location, String historyTable, boolean besidePlatformTables) {
        MigrateResult result = flyway(dataSource, location, historyTable, besidePlatformTables).migrate();
        LOG.infof("%s at version %s (%d migrations applied now)", location, result.targetSchemaVersion,
                result.migrationsExecuted);
    }

    private static Flyway flyway(DataSource dataSource, String location, String historyTable,
                                 boolean besidePlatformTables) {
        return Flyway.configure(Thread.currentThread().getContextClassLoader())
                .dataSource(dataSource)
                .locations("classpath:" + location)
                .table(historyTable)
                // Two histories share one database: the second run must not take the first's tables as foreign.
                .baselineOnMigrate(besidePlatformTables)
                .baselineVersion("0")
                .failOnMissingLocations(true)
                .load();
    }

    /**
     * Waits until the schema is at least at this version. A schema ahead of it (after a rollback) is fine: migrations
     * only add what older versions ignore (docs/OPERATIONS.md, "Upgrade").
     */
    private void awaitMigrated() throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        String pending;
        while ((pending = pending()) != null) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("Not migrating (shequ.db.migrate=never) and the schema is not up to"
                        + " date after " + wait + ": " + pending + ". Run this version's migration Job first.");
            }
            LOG.infof("Waiting for the migration step: %s", pending);
            Thread.sleep(2_000);
        }
        LOG.info("Schema up to date (migrated by the migration step)");
    }

    /** What keeps the schema behind this version, or null when nothing does. */
    private String pending() {
        try {
            int pending = flyway(dataSource, "db/platform", PLATFORM_HISTORY, false).info().pending().length
                    + flyway(dataSource, "db/migration", SERVICE_HISTORY, true).info().pending().length;
            return pending == 0 ? null : pending + " migrations pending";
        } catch (RuntimeException unreadable) {
            return "the history cannot be read (" + unreadable.getMessage() + ")";
        }
    }

    public boolean done() {
        return done;
    }
}
