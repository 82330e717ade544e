package org.switchboard.api.spi;

import java.util.concurrent.locks.ReentrantLock;

/**
 * The one lock that every write to the embedded (H2) store takes, in every bundle of the JVM, from
 * the start of its transaction to its commit, and that every write of the database file
 * ({@code CHECKPOINT}) takes as well. So the file is only ever written between two transactions.
 *
 * <p><b>Why.</b> H2 2.4 collects the pages it writes to its file map by map (table by table, index by
 * index, undo log) while other transactions go on changing them. A file written while another
 * transaction was halfway through a change can hold that change without the undo entry that takes
 * it back. After a crash, H2 then keeps half of a transaction that never committed: a row without its
 * index entry ("Row not found when trying to delete from index") or a row lock of a transaction that
 * is gone ("Timeout trying to lock table"). Writes one at a time cannot be caught halfway.
 *
 * <p><b>Contract.</b> Bundles do not take it themselves: the store plumbing that each embeds
 * ({@code org.switchboard.jdbc.Transactions}) takes it for H2 and never for PostgreSQL, whose
 * transactions run side by side. It is reentrant; a holder must not wait for another thread that
 * writes to the store. Reads take no lock.
 */
public final class EmbeddedStoreWrites {
    private static final ReentrantLock LOCK = new ReentrantLock();

    private EmbeddedStoreWrites() {
    }

    /** The lock of every write to the embedded store in this JVM. */
    public static ReentrantLock lock() {
        return LOCK;
    }
}
