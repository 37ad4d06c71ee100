package org.shequ.platform.db;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
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

    private final AgroalDataSource dataSource;
    private volatile boolean done;

    public Migrations(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void migrate(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent start) {
        run("db/platform", "flyway_platform_history");
        run("db/migration", "flyway_schema_history");
        done = true;
    }

    private void run(String location, String historyTable) {
        MigrateResult result = Flyway.configure(Thread.currentThread().getContextClassLoader())
                .dataSource(dataSource)
                .locations("classpath:" + location)
                .table(historyTable)
                // Two histories share one database: the second run must not take the first's tables as foreign.
                .baselineOnMigrate(true)
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
