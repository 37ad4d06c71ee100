package org.shequ.platform.db;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The service's pool as Flyway sees it: each connection it takes waits up to {@link #ANSWER_DEADLINE} for an answer
 * instead of the pool's few seconds (the {@code socketTimeout} that makes requests fail fast), because an
 * {@code ALTER TABLE} on a large table takes minutes, and MySQL DDL cut off halfway is not rolled back. Each
 * connection gets its own timeout back when Flyway closes it.
 */
final class MigrationConnections implements DataSource {

    static final Duration ANSWER_DEADLINE = Duration.ofMinutes(30);
    /**
     * How long a start waits for the database to give a first connection. The pool's own acquisition timeout is
     * about a second, so that requests fail fast in an outage; a service starting beside a busy or still-starting
     * database (every app of a node at once, a database restarting) waits instead of exiting.
     */
    static final Duration FIRST_CONNECTION_DEADLINE = Duration.ofSeconds(90);
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(MigrationConnections.class);

    private final DataSource pool;

    MigrationConnections(DataSource pool) {
        this.pool = pool;
    }

    @Override
    public Connection getConnection() throws SQLException {
        long until = System.nanoTime() + FIRST_CONNECTION_DEADLINE.toNanos();
        for (int attempt = 1; ; attempt++) {
            try {
                return patient(pool.getConnection());
            } catch (SQLException unavailable) {
                if (!Outages.isOutage(unavailable) || System.nanoTime() - until > 0) {
                    throw unavailable;
                }
                LOG.warnf("No database connection yet (attempt %d): %s; trying again", attempt,
                        unavailable.getMessage());
                try {
                    Thread.sleep(Math.min(2_000, 250L * attempt));
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    throw unavailable;
                }
            }
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return patient(pool.getConnection(username, password));
    }

    /**
     * The connection with the long deadline, handing it back with its own again: the pool does not restore a network
     * timeout by itself, and a pooled connection left patient would let a request hang through a database freeze.
     */
    private static Connection patient(Connection connection) throws SQLException {
        int own = connection.getNetworkTimeout();
        connection.setNetworkTimeout(Runnable::run, (int) ANSWER_DEADLINE.toMillis());
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        try {
                            if (!connection.isClosed()) {
                                connection.setNetworkTimeout(Runnable::run, own);
                            }
                        } finally {
                            connection.close();
                        }
                        return null;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || pool.isWrapperFor(type);
    }
}
