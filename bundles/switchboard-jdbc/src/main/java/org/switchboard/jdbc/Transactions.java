package org.switchboard.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The transaction plumbing of a bundle's store: one short transaction per call, and the unique-key test. */
public final class Transactions {
    /** SQLSTATE of a unique constraint violation, on H2 and PostgreSQL alike. */
    private static final String UNIQUE_VIOLATION = "23505";

    private Transactions() {
    }

    /** What runs in one transaction, on its connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} in a transaction of its own: committed when it returns, rolled back when it
     * throws. The connection goes back to the pool with the auto-commit mode it came with.
     */
    public static <T> T inTransaction(DataSource dataSource, Work<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                try {
                    c.rollback();
                } catch (SQLException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
    }

    /**
     * Whether {@code e}, an exception chained to it (a batch reports each failed row with
     * {@link SQLException#getNextException}), or one it wraps says a row with the same unique key is
     * there already (another writer was first).
     */
    public static boolean isUniqueViolation(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            if (UNIQUE_VIOLATION.equals(x.getSQLState())) {
                return true;
            }
        }
        return e.getCause() instanceof SQLException cause && cause != e && isUniqueViolation(cause);
    }
}
