package org.switchboard.core;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/** How the core makes and stops its own threads. */
public final class Threads {

    private Threads() {
    }

    /** Daemon threads with this name, so that they never hold Karaf's JVM up. */
    public static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Stops an executor: the task at hand finishes without an interrupt (a thread interrupted in the
     * middle of file I/O can break an embedded database); only what still runs after {@code patience}
     * is interrupted.
     */
    public static void stop(ExecutorService executor, Duration patience) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
