package org.shequ.platform.probe;

import org.shequ.testing.TestInfra;

/** Counts and values straight from the probe service's database. */
public final class ProbeDatabase {

    public static final String NAME = "shequ_platform_probe";

    private ProbeDatabase() {
    }

    public static long count(String sql) throws Exception {
        return TestInfra.get().count(NAME, sql);
    }

    public static long probesAndEvents() throws Exception {
        return count("select (select count(*) from probe) + (select count(*) from outbox_event)");
    }
}
