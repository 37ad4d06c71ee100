package org.shequ.platform.db;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Tells a passing outage (the database away or frozen, the pool dry, a lock contended) from a failure of the work
 * itself. The one rule for both sides: a request answers an outage with a 503 and {@code Retry-After}, a consumer waits
 * it out without parking the event.
 */
public final class Outages {

    /** MySQL/MariaDB error codes that go away by themselves: lock wait timeout, deadlock, too many connections. */
    private static final Set<Integer> PASSING_SQL_ERRORS = Set.of(1205, 1213, 1040);
    /**
     * What Agroal says, with no SQLState, when no pooled connection came free within the acquisition timeout ("Sorry,
     * acquisition timeout!", "Acquisition timeout while waiting for new connection").
     */
    private static final String POOL_DRY = "acquisition timeout";

    /** A bound on the causes and suppressed exceptions looked at: a cyclic or huge graph ends the walk. */
    private static final int MAX_EXAMINED = 64;

    private Outages() {
    }

    /**
     * Whether anything in the failure's causes, or in the exceptions suppressed along them, is an outage. Suppressed
     * ones count because Narayana reports a commit that failed on the connection (the socket timing out mid-commit)
     * as a RollbackException carrying the XAException, and its SQLException, as suppressed, not as the cause.
     */
    public static boolean isOutage(Throwable failure) {
        java.util.Deque<Throwable> pending = new java.util.ArrayDeque<>(java.util.List.of(failure));
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        while (!pending.isEmpty() && seen.size() < MAX_EXAMINED) {
            Throwable t = pending.pop();
            if (!seen.add(t)) {
                continue;
            }
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof ConnectException || t instanceof SocketTimeoutException
                    || t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")
                    || t.getClass().getName().equals("org.hibernate.exception.LockAcquisitionException")
                    || (t instanceof SQLException sql && isPassing(sql))) {
                return true;
            }
            if (t.getCause() != null) {
                pending.push(t.getCause());
            }
            for (Throwable suppressed : t.getSuppressed()) {
                pending.push(suppressed);
            }
        }
        return false;
    }

    private static boolean isPassing(SQLException sql) {
        return PASSING_SQL_ERRORS.contains(sql.getErrorCode())
                || (sql.getSQLState() != null && sql.getSQLState().startsWith("08"))
                || (sql.getSQLState() == null && sql.getMessage() != null && sql.getMessage().toLowerCase(java.util.Locale.ROOT).contains(POOL_DRY));
    }

    public static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? e.getClass().getSimpleName() + ": " + e.getMessage()
                : e.getClass().getSimpleName() + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }
}
