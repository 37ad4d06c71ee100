package org.shequ.platform.probe;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.shequ.testing.TestInfra;

/** Counts and values straight from the probe service's database. */
public final class ProbeDatabase {

    public static final String NAME = "shequ_platform_probe";

    private ProbeDatabase() {
    }

    public static long count(String sql) throws Exception {
        try (Connection c = TestInfra.get().connect(NAME); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public static long probesAndEvents() throws Exception {
        return count("select (select count(*) from probe) + (select count(*) from outbox_event)");
    }
}
