package org.shequ.platform.inbox;

import java.net.ConnectException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/** Tells a passing outage (the database away, a lock contended) from a failure the event itself causes. */
final class Outages {

    /** MySQL/MariaDB error codes that go away by themselves: lock wait timeout, deadlock, too many connections. */
    private static final Set<Integer> PASSING_SQL_ERRORS = Set.of(1205, 1213, 1040);

    private Outages() {
    }

    static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof ConnectException
                    || t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")
                    || t.getClass().getName().equals("org.hibernate.exception.LockAcquisitionException")
                    || (t instanceof java.sql.SQLException sql && (PASSING_SQL_ERRORS.contains(sql.getErrorCode())
                        || (sql.getSQLState() != null && sql.getSQLState().startsWith("08"))))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? e.getClass().getSimpleName() + ": " + e.getMessage()
                : e.getClass().getSimpleName() + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }
}
