package org.switchboard.core.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.jdbc.Transactions;

/**
 * The store's database: a pooled {@link DataSource} and a transaction template. Every write in
 * the core goes through {@link #inTransaction} (durable when it returns) or, for the work that is
 * done again after a crash if it was lost, {@link #inDeferredTransaction}; reads that need no
 * isolation use {@link #read}. See {@link Transactions} for what durable and deferred mean; the
 * core writes deferred commits to disk every half second ({@link #writeDeferred}).
 */
public final class Database {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private final DataSource dataSource;
    private final Dialect dialect;
    /** Whether a deferred commit may not be on disk yet. */
    private final AtomicBoolean deferred = new AtomicBoolean();

    public Database(DataSource dataSource) throws SQLException {
        this.dataSource = dataSource;
        try (Connection c = dataSource.getConnection()) {
            this.dialect = Dialect.of(c);
            try {
                Transactions.makeDurable(c);
            } catch (SQLException e) {
                throw new SQLException("the store cannot write its commits to disk on demand (on H2 the database user must be"
                        + " the database's admin, as the user that created it is): " + e.getMessage(), e.getSQLState(), e);
            }
            if (dialect == Dialect.H2) {
                warnOfBackgroundWrites(c);
            }
        }
    }

    /** H2's own background writes do not take the write lock (see EmbeddedStoreWrites): say so if they are on. */
    private static void warnOfBackgroundWrites(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
            while (rows.next()) {
                long delay = Long.parseLong(rows.getString(1).trim());
                if (delay > 0 && delay < Integer.MAX_VALUE) {
                    LOG.warn("The H2 store writes its file in the background (WRITE_DELAY={}), at moments when a transaction may be"
                            + " halfway through a change; after a crash H2 may then keep part of it. Set WRITE_DELAY=2147483647"
                            + " (the default: Switchboard writes the file itself) or WRITE_DELAY=0 in"
                            + " etc/org.ops4j.datasource-switchboard.cfg", delay);
                    return;
                }
            }
        }
    }

    public Dialect dialect() {
        return dialect;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Runs {@code work} in one transaction: committed and on disk if it returns, rolled back if it throws. */
    public <T> T inTransaction(SqlWork<T> work) throws SQLException {
        // its checkpoint writes every commit before it, deferred ones included
        deferred.set(false);
        return Transactions.inTransaction(dataSource, work::apply);
    }

    /**
     * Runs {@code work} in one transaction whose commit may reach the disk a little later: only for
     * work that is done again after a crash if it was lost, and that nobody outside has been told of.
     */
    public <T> T inDeferredTransaction(SqlWork<T> work) throws SQLException {
        T result = Transactions.inDeferredTransaction(dataSource, work::apply);
        deferred.set(true);
        return result;
    }

    /** Writes every commit made so far to disk. */
    public void makeDurable() throws SQLException {
        deferred.set(false);
        Transactions.makeDurable(dataSource);
    }

    /** Writes every commit made so far to disk if a deferred one may not be there yet; returns whether it wrote. */
    public boolean writeDeferred() throws SQLException {
        if (!deferred.getAndSet(false)) {
            return false;
        }
        try {
            Transactions.makeDurable(dataSource);
            return true;
        } catch (SQLException | RuntimeException e) {
            deferred.set(true);
            throw e;
        }
    }

    /** Runs {@code work} on a connection in auto-commit mode. */
    public <T> T read(SqlWork<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return work.apply(c);
        }
    }
}
