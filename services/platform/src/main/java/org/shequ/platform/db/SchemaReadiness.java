package org.shequ.platform.db;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until this service's database is migrated: before that, every request would fail. */
@Readiness
@ApplicationScoped
public class SchemaReadiness implements HealthCheck {

    private final Migrations migrations;

    public SchemaReadiness(Migrations migrations) {
        this.migrations = migrations;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("schema").status(migrations.done()).build();
    }
}
