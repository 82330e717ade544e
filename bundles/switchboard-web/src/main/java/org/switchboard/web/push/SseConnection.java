package org.switchboard.web.push;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import javax.servlet.AsyncContext;
import javax.servlet.AsyncEvent;
import javax.servlet.AsyncListener;
import javax.servlet.ServletOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open event stream: frames are queued and written in order by one task at a time on the push
 * executor, so a slow or stuck browser never holds up EventAdmin or the other streams. A browser that
 * falls {@value #MAX_PENDING} frames behind is cut off; it reconnects and replays what it missed.
 */
final class SseConnection {
    private static final Logger LOG = LoggerFactory.getLogger(SseConnection.class);
    static final int MAX_PENDING = 256;
    private static final byte[] HEARTBEAT = ": keep-alive\n\n".getBytes(StandardCharsets.UTF_8);

    /** Told when a frame that carries an origin time has been written and flushed. */
    interface Written {
        void written(long originNanos);
    }

    private record Pending(byte[] frame, long originNanos) {
    }

    private final AsyncContext async;
    private final ServletOutputStream out;
    private final Executor executor;
    private final Written written;
    private final Queue<Pending> pending = new ArrayDeque<>();
    private boolean draining;
    private boolean closed;
    private Runnable onClose = () -> { };

    SseConnection(AsyncContext async, Executor executor, Written written) throws IOException {
        this.async = async;
        this.out = async.getResponse().getOutputStream();
        this.executor = executor;
        this.written = written;
        async.addListener(new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
                markClosed();
            }

            @Override
            public void onTimeout(AsyncEvent event) {
                close();
            }

            @Override
            public void onError(AsyncEvent event) {
                close();
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
                // not restarted
            }
        });
    }

    /** What to do once the stream is closed, whoever closed it. */
    synchronized void onClose(Runnable action) {
        this.onClose = action;
    }

    /** Queues a frame; {@code originNanos} is 0 when the frame is not measured. */
    void send(byte[] frame, long originNanos) {
        boolean schedule;
        synchronized (this) {
            if (closed) {
                return;
            }
            if (pending.size() >= MAX_PENDING) {
                LOG.debug("An event stream fell {} frames behind; closing it", MAX_PENDING);
                schedule = false;
            } else {
                pending.add(new Pending(frame, originNanos));
                schedule = !draining;
                draining = draining || schedule;
                if (!schedule) {
                    return;
                }
            }
        }
        if (!schedule) {
            close();
            return;
        }
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
            close();
        }
    }

    void heartbeat() {
        send(HEARTBEAT, 0);
    }

    boolean isClosed() {
        synchronized (this) {
            return closed;
        }
    }

    private void drain() {
        while (true) {
            Pending next;
            synchronized (this) {
                next = pending.poll();
                if (next == null || closed) {
                    draining = false;
                    return;
                }
            }
            try {
                out.write(next.frame());
                out.flush();
            } catch (IOException | IllegalStateException e) {
                LOG.debug("An event stream closed while writing: {}", e.getMessage());
                close();
                return;
            }
            if (next.originNanos() != 0) {
                written.written(next.originNanos());
            }
        }
    }

    /** Ends the response; the browser sees the stream end and reconnects if it wants to. */
    void close() {
        if (markClosed()) {
            try {
                async.complete();
            } catch (IllegalStateException e) {
                LOG.debug("The event stream was completed already");
            }
        }
    }

    private boolean markClosed() {
        Runnable action;
        synchronized (this) {
            if (closed) {
                return false;
            }
            closed = true;
            pending.clear();
            action = onClose;
        }
        action.run();
        return true;
    }
}
