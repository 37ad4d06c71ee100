package org.shequ.platform.db;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.shequ.platform.probe.ProbeDatabase;
import org.shequ.platform.probe.JwksInfraResource;
import org.shequ.testing.TestInfra;

/** A service pointed at a database that holds someone else's tables refuses to start instead of migrating into it. */
@QuarkusTest
@QuarkusTestResource(JwksInfraResource.class)
class ForeignSchemaTest {

    @Test
    void databaseWithOtherTablesAndNoShequHistoryIsRefusedWithAClearMessage() throws Exception {
        try (Connection server = TestInfra.get().connect(""); Statement s = server.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS payroll");
            s.execute("CREATE TABLE IF NOT EXISTS payroll.salary (id INT PRIMARY KEY)");
        }
        try (Connection payroll = TestInfra.get().connect("payroll")) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> Migrations.refuseForeignSchema(payroll));
            assertTrue(refused.getMessage().contains("payroll"), refused.getMessage());
            assertTrue(refused.getMessage().contains("salary"), refused.getMessage());
            assertTrue(refused.getMessage().contains("not this service's"), refused.getMessage());
        }
    }

    @Test
    void emptyDatabaseAndTheServicesOwnAreAccepted() throws Exception {
        try (Connection server = TestInfra.get().connect(""); Statement s = server.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS brand_new");
        }
        try (Connection empty = TestInfra.get().connect("brand_new");
             Connection own = TestInfra.get().connect(ProbeDatabase.NAME)) {
            assertDoesNotThrow(() -> Migrations.refuseForeignSchema(empty));
            assertDoesNotThrow(() -> Migrations.refuseForeignSchema(own));
        }
    }
}
