package org.shequ.platform.db;

import io.agroal.api.AgroalDataSource;
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
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jboss.logging.Logger;

/**
 * Brings the service's own database to the latest version at start-up, before anything else touches it: first the
 * platform's tables ({@code db/platform}, the outbox), then the service's own ({@code db/migration/V*__*.sql}),
 * each with its own history table. Flyway runs as a plain library: the Quarkus extension does not resolve with the
 * MySQL driver at this Quarkus version.
 */
@ApplicationScoped
public class Migrations {

    private static final Logger LOG = Logger.getLogger(Migrations.class);
    static final String PLATFORM_HISTORY = "flyway_platform_history";

    private final AgroalDataSource dataSource;
    private volatile boolean done;

    public Migrations(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void migrate(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent start) throws SQLException {
        migrate(dataSource);
        done = true;
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
        run(dataSource, "db/migration", "flyway_schema_history", true);
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
        MigrateResult result = Flyway.configure(Thread.currentThread().getContextClassLoader())
                .dataSource(dataSource)
                .locations("classpath:" + location)
                .table(historyTable)
                // Two histories share one database: the second run must not take the first's tables as foreign.
                .baselineOnMigrate(besidePlatformTables)
                .baselineVersion("0")
                .failOnMissingLocations(true)
                .load()
                .migrate();
        LOG.infof("%s at version %s (%d migrations applied now)", location, result.targetSchemaVersion,
                result.migrationsExecuted);
    }

    public boolean done() {
        return done;
    }
}
