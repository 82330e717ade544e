package org.switchboard.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The transaction plumbing of a bundle's store: one short transaction per call, and the unique-key test.
 *
 * <h2>Durable and deferred commits</h2>
 * A transaction that precedes telling someone outside the process that something happened (a
 * channel that its contact is accepted, an agent that the reply is stored, a CRM that a command is
 * due) must be on disk when it returns: {@link #inTransaction}. A transaction whose loss in a crash
 * is repaired by doing the same work again after the restart (the core's processing of a contact
 * that is still pending, routing's offer of an interaction that is still queued) may be
 * {@linkplain #inDeferredTransaction deferred}: committed at once and visible to every other
 * connection, but written to disk a little later, or by the next durable commit, whichever comes
 * first. Commits reach the disk in the order they were made, so a durable commit makes every commit
 * before it durable too.
 * <ul>
 *   <li>H2 with {@code WRITE_DELAY} above 0 writes commits in the background at that interval; a
 *       durable commit is followed by {@code CHECKPOINT}, which writes what is not written yet (the
 *       database user must be its admin, as the one that created it is). With {@code WRITE_DELAY=0}
 *       every commit is written when it happens and the checkpoint finds nothing left to write.</li>
 *   <li>PostgreSQL's commits are durable (its default {@code synchronous_commit}), deferred ones
 *       too: a PostgreSQL server that restarts under a running Switchboard must not take back what
 *       the nodes already built on.</li>
 * </ul>
 * On H2 this holds against a crash of the process; against one of the machine, as far as the
 * operating system has written its file cache.
 */
public final class Transactions {
    /** SQLSTATE of a unique constraint violation, on H2 and PostgreSQL alike. */
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String H2 = "H2";

    private Transactions() {
    }

    /** What runs in one transaction, on its connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} in a transaction of its own: committed, and on disk, when it returns; rolled
     * back when it throws. The connection goes back to the pool with the auto-commit mode it came
     * with. If the commit succeeds and writing it to disk fails, this throws: the work is committed
     * but the caller must not say so outside (the work must be safe to do again).
     */
    public static <T> T inTransaction(DataSource dataSource, Work<T> work) throws SQLException {
        return run(dataSource, work, true);
    }

    /**
     * Runs {@code work} in a transaction of its own whose commit may reach the disk up to the
     * database's write delay later (see the class comment): for work that is done again after a
     * crash if it was lost. Rolled back when it throws.
     */
    public static <T> T inDeferredTransaction(DataSource dataSource, Work<T> work) throws SQLException {
        return run(dataSource, work, false);
    }

    /** Writes every commit made so far to disk; returns when they are there. */
    public static void makeDurable(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            makeDurable(c);
        }
    }

    /** Writes every commit made so far to disk, on this connection (out of a transaction). */
    public static void makeDurable(Connection c) throws SQLException {
        if (H2.equals(c.getMetaData().getDatabaseProductName())) {
            try (PreparedStatement checkpoint = c.prepareStatement("CHECKPOINT")) {
                checkpoint.execute();
            }
        }
    }

    private static <T> T run(DataSource dataSource, Work<T> work, boolean durable) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            boolean committed = false;
            try {
                T result = work.run(c);
                c.commit();
                committed = true;
                if (durable) {
                    makeDurable(c);
                }
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                if (!committed) {
                    try {
                        c.rollback();
                    } catch (SQLException rollbackFailure) {
                        e.addSuppressed(rollbackFailure);
                    }
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
