package org.switchboard.core.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.switchboard.jdbc.Transactions;

/**
 * The store's database: a pooled {@link DataSource} and a transaction template. Every write in
 * the core goes through {@link #inTransaction}; reads that need no isolation use {@link #read}.
 */
public final class Database {
    private final DataSource dataSource;
    private final Dialect dialect;

    public Database(DataSource dataSource) throws SQLException {
        this.dataSource = dataSource;
        try (Connection c = dataSource.getConnection()) {
            this.dialect = Dialect.of(c);
        }
    }

    public Dialect dialect() {
        return dialect;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. */
    public <T> T inTransaction(SqlWork<T> work) throws SQLException {
        return Transactions.inTransaction(dataSource, work::apply);
    }

    /** Runs {@code work} on a connection in auto-commit mode. */
    public <T> T read(SqlWork<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return work.apply(c);
        }
    }
}
