package org.switchboard.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.locks.Lock;
import javax.sql.DataSource;
import org.switchboard.api.spi.EmbeddedStoreWrites;

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
 *   <li>H2 is opened with a {@code WRITE_DELAY} so long that it never writes its file by itself
 *       (the distribution's is a day): a durable commit is followed by {@code CHECKPOINT}, which
 *       writes every commit not written yet (the database user must be its admin, as the one that
 *       created it is), and the core writes deferred ones every half second. Every write
 *       transaction and every checkpoint takes {@link EmbeddedStoreWrites#lock()}, so the file is
 *       never written while a transaction is halfway through a change (see there why that
 *       matters). With {@code WRITE_DELAY=0} every commit is written when it is made and the
 *       checkpoint finds nothing left to write.</li>
 *   <li>PostgreSQL's commits are durable (its default {@code synchronous_commit}), deferred ones
 *       too: a PostgreSQL server that restarts under a running Switchboard must not take back what
 *       the nodes already built on. Its transactions take no lock here.</li>
 * </ul>
 * On H2 this holds against a crash of the process; against one of the machine, as far as the
 * operating system has written its file cache.
 */
public final class Transactions {
    /** SQLSTATE of a unique constraint violation, on H2 and PostgreSQL alike. */
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String H2 = "H2";
    /** Per data source, whether it is an H2 database (whose writes take the embedded store's lock). */
    private static final Map<DataSource, Boolean> EMBEDDED = Collections.synchronizedMap(new WeakHashMap<>());

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
        Lock lock = writeLock(dataSource);
        if (lock == null) {
            return;
        }
        lock.lock();
        try (Connection c = dataSource.getConnection()) {
            checkpoint(c);
        } finally {
            lock.unlock();
        }
    }

    /** Writes every commit made so far to disk, on this connection (out of a transaction). */
    public static void makeDurable(Connection c) throws SQLException {
        if (H2.equals(c.getMetaData().getDatabaseProductName())) {
            Lock lock = EmbeddedStoreWrites.lock();
            lock.lock();
            try {
                checkpoint(c);
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * Runs {@code action} holding the lock that writes to {@code dataSource} take, if it has one (H2):
     * for writes that do not go through {@link #inTransaction}, such as a schema update.
     */
    public static <T> T holdingWriteLock(DataSource dataSource, Work<T> action) throws SQLException {
        Lock lock = writeLock(dataSource);
        if (lock == null) {
            try (Connection c = dataSource.getConnection()) {
                return action.run(c);
            }
        }
        lock.lock();
        try (Connection c = dataSource.getConnection()) {
            return action.run(c);
        } finally {
            lock.unlock();
        }
    }

    private static void checkpoint(Connection c) throws SQLException {
        try (PreparedStatement checkpoint = c.prepareStatement("CHECKPOINT")) {
            checkpoint.execute();
        }
    }

    /** The lock that writes to {@code dataSource} take: the embedded store's for H2, none for PostgreSQL. */
    private static Lock writeLock(DataSource dataSource) throws SQLException {
        Boolean embedded = EMBEDDED.get(dataSource);
        if (embedded == null) {
            try (Connection c = dataSource.getConnection()) {
                embedded = H2.equals(c.getMetaData().getDatabaseProductName());
            }
            EMBEDDED.put(dataSource, embedded);
        }
        return embedded ? EmbeddedStoreWrites.lock() : null;
    }

    private static <T> T run(DataSource dataSource, Work<T> work, boolean durable) throws SQLException {
        Lock lock = writeLock(dataSource);
        if (lock == null) {
            return runOn(dataSource, work, false);
        }
        // taken before the connection, so that writers waiting for their turn hold none of the pool's
        lock.lock();
        try {
            return runOn(dataSource, work, durable);
        } finally {
            lock.unlock();
        }
    }

    private static <T> T runOn(DataSource dataSource, Work<T> work, boolean checkpoint) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            boolean committed = false;
            try {
                T result = work.run(c);
                c.commit();
                committed = true;
                if (checkpoint) {
                    checkpoint(c);
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
