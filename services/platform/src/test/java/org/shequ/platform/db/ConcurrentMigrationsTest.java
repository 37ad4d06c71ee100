package org.shequ.platform.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mysql.cj.jdbc.MysqlDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.shequ.platform.probe.JwksInfraResource;
import org.shequ.testing.TestInfra;

/**
 * Several replicas of a service starting at the same moment against an empty database, as a Deployment's pods do
 * on a first rollout: every one of them gets through its migration, and each version is applied exactly once.
 */
@QuarkusTest
@QuarkusTestResource(JwksInfraResource.class)
class ConcurrentMigrationsTest {

    private static final int REPLICAS = 3;

    @Test
    void replicasStartingTogetherOnAnEmptyDatabaseMigrateItOnce() throws Exception {
        String database = "concurrent_" + System.nanoTime();
        CyclicBarrier together = new CyclicBarrier(REPLICAS);
        ExecutorService replicas = Executors.newFixedThreadPool(REPLICAS);
        try {
            List<Future<Void>> started = new ArrayList<>();
            for (int i = 0; i < REPLICAS; i++) {
                MysqlDataSource own = dataSource(database);
                started.add(replicas.submit(() -> {
                    together.await(30, TimeUnit.SECONDS);
                    Migrations.migrate(own);
                    return null;
                }));
            }
            for (Future<Void> replica : started) {
                replica.get(120, TimeUnit.SECONDS);
            }
        } finally {
            replicas.shutdownNow();
        }
        assertEquals(0, TestInfra.get().count(database, "SELECT COUNT(*) FROM (SELECT version FROM flyway_platform_history"
                + " WHERE version IS NOT NULL GROUP BY version HAVING COUNT(*) > 1) twice"), "a platform version applied twice");
        assertEquals(0, TestInfra.get().count(database, "SELECT COUNT(*) FROM (SELECT version FROM flyway_schema_history"
                + " WHERE version IS NOT NULL GROUP BY version HAVING COUNT(*) > 1) twice"), "a service version applied twice");
        assertEquals(0, TestInfra.get().count(database, "SELECT COUNT(*) FROM flyway_schema_history WHERE success = 0"));
        assertEquals(TestInfra.get().count("", "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '"
                + currentDatabase() + "' AND table_name NOT LIKE 'flyway%'"),
                TestInfra.get().count("", "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '"
                        + database + "' AND table_name NOT LIKE 'flyway%'"),
                "the same tables as the test service's own database");
    }

    private static String currentDatabase() {
        return org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("shequ.db.name", String.class);
    }

    private static MysqlDataSource dataSource(String database) {
        MysqlDataSource ds = new MysqlDataSource();
        ds.setUrl(TestInfra.get().dbServerUrl() + "/" + database
                + "?createDatabaseIfNotExist=true&sslMode=DISABLED&allowPublicKeyRetrieval=true");
        ds.setUser("root");
        ds.setPassword("");
        return ds;
    }
}
