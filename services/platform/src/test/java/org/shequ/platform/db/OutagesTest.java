package org.shequ.platform.db;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/**
 * An outage is waited out by a consumer (never parking the event) and a 503 to a client; a failure of the work's own
 * is counted toward parking, or answered as what it is.
 */
class OutagesTest {

    @Test
    void lostConnectionsDeadlocksAndLockWaitsAreOutages() {
        assertTrue(Outages.isOutage(new RuntimeException(new SQLTransientConnectionException("pool exhausted"))));
        assertTrue(Outages.isOutage(new IllegalStateException(new ConnectException("Connection refused"))));
        assertTrue(Outages.isOutage(new RuntimeException(new SQLException("Deadlock found", "40001", 1213))));
        // Narayana: a commit whose connection broke (socket timeout) is a RollbackException with the XAException, and
        // the driver's "Communications link failure" under it, suppressed rather than as its cause.
        var rollback = new IllegalStateException("ARJUNA016053: Could not commit transaction.");
        var xa = new javax.transaction.xa.XAException("Error trying to transactionCommit local transaction");
        xa.initCause(new SQLException("Communications link failure", "08S01"));
        rollback.addSuppressed(xa);
        assertTrue(Outages.isOutage(new RuntimeException("Error invoking subclass method", rollback)));
        assertTrue(Outages.isOutage(new RuntimeException(new SQLException("Lock wait timeout", "HY000", 1205))));
        assertTrue(Outages.isOutage(new RuntimeException(new SQLException("Communications link failure", "08S01", 0))));
        // Agroal's pool, dry past its acquisition timeout, says so with no SQLState.
        assertTrue(Outages.isOutage(new RuntimeException(new SQLException("Sorry, acquisition timeout!"))));
        assertTrue(Outages.isOutage(new SQLException("Acquisition timeout while waiting for new connection")));
        assertTrue(Outages.isOutage(new RuntimeException(new java.net.SocketTimeoutException("Read timed out"))));
    }

    @Test
    void brokenRulesAndBadDataAreTheEventsOwnFailures() {
        assertFalse(Outages.isOutage(new IllegalStateException("No grid in community 双塔寺一社区")));
        assertFalse(Outages.isOutage(new RuntimeException(new SQLException("Duplicate entry", "23000", 1062))));
        assertFalse(Outages.isOutage(new IllegalArgumentException("The inspection event has no community")));
    }
}
