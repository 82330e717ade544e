package org.switchboard.core.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.switchboard.jdbc.Transactions;

/**
 * The store's database: a pooled {@link DataSource} and a transaction template. Every write in
 * the core goes through {@link #inTransaction} (durable when it returns) or, for the work that is
 * done again after a crash if it was lost, {@link #inDeferredTransaction}; reads that need no
 * isolation use {@link #read}. See {@link Transactions} for what durable and deferred mean.
 */
public final class Database {
    private final DataSource dataSource;
    private final Dialect dialect;

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
        return Transactions.inTransaction(dataSource, work::apply);
    }

    /**
     * Runs {@code work} in one transaction whose commit may reach the disk a little later: only for
     * work that is done again after a crash if it was lost, and that nobody outside has been told of.
     */
    public <T> T inDeferredTransaction(SqlWork<T> work) throws SQLException {
        return Transactions.inDeferredTransaction(dataSource, work::apply);
    }

    /** Writes every commit made so far to disk. */
    public void makeDurable() throws SQLException {
        Transactions.makeDurable(dataSource);
    }

    /** Runs {@code work} on a connection in auto-commit mode. */
    public <T> T read(SqlWork<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return work.apply(c);
        }
    }
}
