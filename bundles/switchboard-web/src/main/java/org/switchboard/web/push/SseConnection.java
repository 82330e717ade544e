package org.switchboard.web.push;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Queue;
import javax.servlet.AsyncContext;
import javax.servlet.AsyncEvent;
import javax.servlet.AsyncListener;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open event stream, written with the servlet container's non-blocking output: a frame goes out
 * at once on the thread that sends it while the connection can take it, and is queued (in order)
 * while it cannot, to be written when the container says it can again. So a pop costs no thread
 * hand-off, and a slow or stuck browser never blocks the sender or the other streams. A browser that
 * falls {@value #MAX_PENDING} frames behind is cut off; it reconnects and replays what it missed.
 */
final class SseConnection implements WriteListener {
    private static final Logger LOG = LoggerFactory.getLogger(SseConnection.class);
    static final int MAX_PENDING = 256;
    private static final byte[] HEARTBEAT = ": keep-alive\n\n".getBytes(StandardCharsets.UTF_8);

    /** Told when a frame that carries an origin time has been written and flushed. */
    interface Written {
        /**
         * @param originNanos   when the request that caused it entered the JVM
         * @param receivedNanos when its event reached this bundle
         */
        void written(long originNanos, long receivedNanos);
    }

    private record Pending(byte[] frame, long originNanos, long receivedNanos) {
    }

    private final AsyncContext async;
    private final ServletOutputStream out;
    private final Written written;
    private final Queue<Pending> pending = new ArrayDeque<>();
    /** Handed to the container, not yet completely written. */
    private Pending inFlight;
    /** The container has said once that it can take output (it does so soon after the request). */
    private boolean writable;
    private boolean closed;
    private Runnable onClose = () -> { };

    SseConnection(AsyncContext async, Written written) throws IOException {
        this.async = async;
        this.out = async.getResponse().getOutputStream();
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
        out.setWriteListener(this);
    }

    /** What to do once the stream is closed, whoever closed it. */
    synchronized void onClose(Runnable action) {
        this.onClose = action;
    }

    /** Sends a frame that is not measured. */
    void send(byte[] frame) {
        send(frame, 0, 0);
    }

    /** Sends a frame; {@code originNanos} is 0 when the frame is not measured. */
    void send(byte[] frame, long originNanos, long receivedNanos) {
        boolean failed;
        synchronized (this) {
            if (closed) {
                return;
            }
            if (pending.size() >= MAX_PENDING) {
                LOG.debug("An event stream fell {} frames behind; closing it", MAX_PENDING);
                failed = true;
            } else {
                pending.add(new Pending(frame, originNanos, receivedNanos));
                failed = !pump();
            }
        }
        if (failed) {
            close();
        }
    }

    void heartbeat() {
        send(HEARTBEAT);
    }

    synchronized boolean isClosed() {
        return closed;
    }

    @Override
    public void onWritePossible() {
        boolean ok;
        synchronized (this) {
            writable = true;
            ok = pump();
        }
        if (!ok) {
            close();
        }
    }

    @Override
    public void onError(Throwable failure) {
        LOG.debug("An event stream failed: {}", failure.toString());
        close();
    }

    /** Writes what the connection takes now; false when the connection broke. Holds the lock. */
    private boolean pump() {
        if (!writable || closed) {
            return true;
        }
        try {
            if (inFlight != null) {
                if (!out.isReady()) {
                    return true;
                }
                done(inFlight);
                inFlight = null;
            }
            while (!pending.isEmpty() && out.isReady()) {
                Pending next = pending.poll();
                out.write(next.frame());
                if (out.isReady()) {
                    out.flush();
                }
                if (!out.isReady()) {
                    inFlight = next;    // the container finishes it and calls onWritePossible
                    return true;
                }
                done(next);
            }
            return true;
        } catch (IOException | IllegalStateException e) {
            LOG.debug("An event stream closed while writing: {}", e.getMessage());
            return false;
        }
    }

    private void done(Pending frame) {
        if (frame.originNanos() != 0) {
            written.written(frame.originNanos(), frame.receivedNanos());
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
