package org.shequ.platform.inbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** An outage is waited out and never parks an event; a failure of the event's own is counted toward parking. */
class OutagesTest {

    @Test
    void lostConnectionsDeadlocksAndLockWaitsAreOutages() {
        assertTrue(Outages.isOutage(new RuntimeException(new SQLTransientConnectionException("pool exhausted"))));
        assertTrue(Outages.isOutage(new IllegalStateException(new ConnectException("Connection refused"))));
        assertTrue(Outages.isOutage(new RuntimeException(new SQLException("Deadlock found", "40001", 1213))));
        assertTrue(Outages.isOutage(new RuntimeException(new SQLException("Lock wait timeout", "HY000", 1205))));
        assertTrue(Outages.isOutage(new RuntimeException(new SQLException("Communications link failure", "08S01", 0))));
    }

    @Test
    void brokenRulesAndBadDataAreTheEventsOwnFailures() {
        assertFalse(Outages.isOutage(new IllegalStateException("No grid in community 双塔寺一社区")));
        assertFalse(Outages.isOutage(new RuntimeException(new SQLException("Duplicate entry", "23000", 1062))));
        assertFalse(Outages.isOutage(new IllegalArgumentException("The inspection event has no community")));
    }
}
