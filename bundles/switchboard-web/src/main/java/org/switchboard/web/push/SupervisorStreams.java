package org.switchboard.web.push;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The supervisors' streams: each gets the whole picture (queues, agents) when it opens, and again
 * after every burst of changes, at most once per {@code coalesceMillis}.
 */
final class SupervisorStreams {
    private static final Logger LOG = LoggerFactory.getLogger(SupervisorStreams.class);
    static final String EVENT = "snapshot";

    private final Supplier<byte[]> snapshot;
    private final ScheduledExecutorService scheduler;
    private final long coalesceMillis;
    private final Set<SseConnection> open = new CopyOnWriteArraySet<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    SupervisorStreams(Supplier<byte[]> snapshot, ScheduledExecutorService scheduler, long coalesceMillis) {
        this.snapshot = snapshot;
        this.scheduler = scheduler;
        this.coalesceMillis = coalesceMillis;
    }

    void open(SseConnection connection) {
        open.add(connection);
        connection.send(SseFrames.opening());
        connection.send(SseFrames.frame(-1, EVENT, snapshot.get()));
        connection.onClose(() -> open.remove(connection));
        if (connection.isClosed()) {
            open.remove(connection);
        }
    }

    /** Something supervisors see changed: a new picture goes out soon. */
    void changed() {
        if (open.isEmpty() || !scheduled.compareAndSet(false, true)) {
            return;
        }
        scheduler.schedule(this::push, coalesceMillis, TimeUnit.MILLISECONDS);
    }

    private void push() {
        scheduled.set(false);
        if (open.isEmpty()) {
            return;
        }
        byte[] frame;
        try {
            frame = SseFrames.frame(-1, EVENT, snapshot.get());
        } catch (RuntimeException e) {
            LOG.warn("Could not build the supervisors' picture: {}", e.getMessage());
            return;
        }
        for (SseConnection connection : open) {
            connection.send(frame);
        }
    }

    List<SseConnection> all() {
        return List.copyOf(open);
    }
}
