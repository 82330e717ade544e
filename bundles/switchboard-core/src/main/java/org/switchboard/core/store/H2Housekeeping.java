package org.switchboard.core.store;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.Threads;

/**
 * Keeps an embedded H2 database's file from growing without end.
 *
 * <p>H2 writes each commit as a new chunk at the end of its file ({@code WRITE_DELAY=0}, so that an
 * accepted contact is durable). A chunk's space is reused only once none of its pages is live any
 * more, and most chunks keep a page or two of rows that are never changed again. H2 moves those
 * pages out of sparse chunks in its background thread, which it starts only when commits are
 * written in the background (a {@code WRITE_DELAY} above zero). With write-through nothing does, and
 * the file grew to 1.3 GB in two minutes at 200 contacts a second, 11% of it live.
 *
 * <p>This runs the same compaction step on a thread of its own: every {@code interval}, when the
 * chunks are less than {@value #TARGET_FILL_RATE}% live, it rewrites the live pages of the sparsest
 * old chunks (up to {@value #WRITE_LIMIT} bytes), which the next commit writes with its own pages.
 * It does not write the file itself. Chunks younger than H2's retention time (45 s) are left alone,
 * as H2 does.
 *
 * <p>A step holds H2's store lock, and every commit waits for it. Its time grows with the time since
 * the last step and with what it rewrites, so the core takes small steps often ({@link #INTERVAL},
 * {@value #WRITE_LIMIT} bytes): long steps held every commit back for tens of milliseconds (README,
 * <i>The store</i>).
 *
 * <p>It reaches H2's store through H2's public classes by reflection: H2's OSGi bundle does not
 * export the engine's packages. On any other database, an H2 reached over the network, or an H2
 * whose classes differ, it logs why once and does nothing.
 */
public final class H2Housekeeping implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(H2Housekeeping.class);
    /** Chunks less live than this (in percent, over all of them) are compacted. */
    static final int TARGET_FILL_RATE = 60;
    /** At most this many live bytes are rewritten in one step. */
    static final int WRITE_LIMIT = 256 * 1024;
    /** How often the core takes a step: with {@link #WRITE_LIMIT}, up to 1 MB rewritten a second. */
    public static final Duration INTERVAL = Duration.ofMillis(250);

    private final DataSource dataSource;
    private final ScheduledExecutorService thread;
    private final AtomicLong compactions = new AtomicLong();
    private volatile boolean failed;

    private H2Housekeeping(DataSource dataSource) {
        this.dataSource = dataSource;
        this.thread = Executors.newSingleThreadScheduledExecutor(Threads.daemon("switchboard-h2-housekeeping"));
    }

    /**
     * Starts compacting every {@code interval} when the store is an embedded H2 database.
     *
     * @return the running housekeeping, or empty for any other store
     */
    public static Optional<H2Housekeeping> startIfEmbeddedH2(DataSource dataSource, Dialect dialect, Duration interval) {
        if (dialect != Dialect.H2) {
            return Optional.empty();
        }
        H2Housekeeping housekeeping = new H2Housekeeping(dataSource);
        try {
            if (housekeeping.fileStore().isEmpty()) {
                housekeeping.close();
                return Optional.empty();
            }
        } catch (SQLException | ReflectiveOperationException | RuntimeException e) {
            LOG.warn("H2's file will not be compacted while Switchboard runs ({}); it grows with every commit until "
                    + "Karaf stops", describe(e));
            housekeeping.close();
            return Optional.empty();
        }
        LOG.info("H2's file is compacted every {} ms while Switchboard runs", interval.toMillis());
        housekeeping.thread.scheduleWithFixedDelay(housekeeping::step, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        return Optional.of(housekeeping);
    }

    /**
     * One step: compacts the sparsest old chunks if the chunks are less than
     * {@value #TARGET_FILL_RATE}% live.
     *
     * @return whether pages were rewritten
     */
    boolean step() {
        if (failed) {
            return false;
        }
        try {
            Optional<Object> store = fileStore();
            if (store.isEmpty()) {
                return false;
            }
            Object fileStore = store.get();
            boolean rewritten = (Boolean) fileStore.getClass().getMethod("compact", int.class, int.class)
                    .invoke(fileStore, TARGET_FILL_RATE, WRITE_LIMIT);
            if (rewritten) {
                compactions.incrementAndGet();
            }
            return rewritten;
        } catch (SQLException e) {
            LOG.debug("H2 housekeeping skipped: {}", e.getMessage());
            return false;
        } catch (ReflectiveOperationException | RuntimeException e) {
            failed = true;
            LOG.warn("H2's file is no longer compacted while Switchboard runs ({}); it grows with every commit until "
                    + "Karaf stops", describe(e));
            return false;
        }
    }

    /** How many steps rewrote pages so far. */
    public long compactions() {
        return compactions.get();
    }

    /** H2's file store behind the pool, or empty for an in-memory database. */
    private Optional<Object> fileStore() throws SQLException, ReflectiveOperationException {
        try (Connection pooled = dataSource.getConnection()) {
            Connection h2 = pooled.unwrap(Connection.class);
            Object session = call(h2, "getSession");
            Object database = call(session, "getDatabase");
            Object store = call(database, "getStore");
            Object mvStore = call(store, "getMvStore");
            return Optional.ofNullable(call(mvStore, "getFileStore"));
        }
    }

    private static Object call(Object target, String method) throws ReflectiveOperationException {
        Method m = target.getClass().getMethod(method);
        return m.invoke(target);
    }

    private static String describe(Throwable e) {
        Throwable cause = e instanceof InvocationTargetException i && i.getCause() != null ? i.getCause() : e;
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    @Override
    public void close() {
        // a step interrupted while it rewrites would close H2's file under it
        Threads.stop(thread, Duration.ofSeconds(5));
    }
}
