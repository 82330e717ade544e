package org.switchboard.channel.email.inbound;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.spi.ScheduledPollConsumerScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.channel.email.MailClassLoader;

/**
 * Runs a mailbox's poll (camel-mail's consumer) on one thread of its own: every {@code delay}, and at
 * once when {@link #wake() woken} (by the {@link IdleWatcher} when the server announces a new message).
 * Polls never overlap: a wake during a poll runs one more poll right after it, however many wakes
 * came. So camel-mail's guarantees stay as they are: one poll at a time, a message flagged only once
 * its exchange completed.
 *
 * <p>A poll that failed (camel-mail could not connect, say) is tried again after 1, 2, 4 … seconds,
 * never later than the regular delay, so that a long delay does not leave a mailbox unread for long
 * after an outage. The thread also runs the {@code keepAlive} task every {@code keepAliveMillis}.
 */
final class PollScheduler implements ScheduledPollConsumerScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(PollScheduler.class);
    private static final long FIRST_RETRY_MILLIS = 1_000;
    private static final long MAX_RETRY_MILLIS = 60_000;

    private final String name;
    private final long initialDelayMillis;
    private final long delayMillis;
    private final long keepAliveMillis;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private CamelContext camelContext;
    private volatile Runnable task;
    private volatile Runnable keepAlive = () -> { };
    private volatile Runnable onStart = () -> { };
    private volatile Runnable onStop = () -> { };
    private Thread thread;
    private boolean running;
    private boolean woken;
    private long retryMillis;
    private boolean lastPollFailed;

    /**
     * @param name            the mailbox, for the thread's name
     * @param keepAliveMillis how often {@link #keepAliveWith} runs its task; {@code 0}: never
     */
    PollScheduler(String name, long initialDelayMillis, long delayMillis, long keepAliveMillis) {
        this.name = name;
        this.initialDelayMillis = initialDelayMillis;
        this.delayMillis = delayMillis;
        this.keepAliveMillis = keepAliveMillis;
    }

    /** Runs {@code start} when the scheduler starts and {@code stop} when it stops (the IDLE watcher). */
    void alongWith(Runnable start, Runnable stop) {
        this.onStart = start;
        this.onStop = stop;
    }

    /** Runs {@code task} on the poll thread every {@code keepAliveMillis}, between polls. */
    void keepAliveWith(Runnable task) {
        this.keepAlive = task;
    }

    /** Poll now (or right after the poll that is running). */
    void wake() {
        lock.lock();
        try {
            woken = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The poll that is running failed: the next one comes soon rather than after the whole delay. */
    void pollFailed() {
        lock.lock();
        try {
            lastPollFailed = true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void onInit(Consumer consumer) {
        // the consumer is the task handed to scheduleTask
    }

    @Override
    public void scheduleTask(Runnable task) {
        this.task = task;
    }

    @Override
    public void unscheduleTask() {
        this.task = null;
    }

    @Override
    public void startScheduler() {
        lock.lock();
        try {
            if (thread != null) {
                return;
            }
            running = true;
            woken = false;
            retryMillis = 0;
            // Jakarta Mail finds Angus through the context class loader, which in OSGi must be Angus's own
            thread = new Thread(() -> MailClassLoader.call(() -> {
                loop();
                return null;
            }), "email." + name + ".poll");
            thread.setDaemon(true);
            thread.start();
        } finally {
            lock.unlock();
        }
        onStart.run();
    }

    @Override
    public boolean isSchedulerStarted() {
        lock.lock();
        try {
            return thread != null;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void start() {
        // started by startScheduler(), as camel-mail's consumer asks
    }

    @Override
    public void stop() {
        Thread stopping;
        lock.lock();
        try {
            stopping = thread;
            thread = null;
            running = false;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        onStop.run();
        if (stopping != null && stopping != Thread.currentThread()) {
            try {
                // a poll in progress ends with the consumer it polls; do not hold Camel's shutdown for long
                stopping.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void shutdown() {
        stop();
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    private void loop() {
        long nextPoll = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(initialDelayMillis);
        long nextKeepAlive = keepAliveMillis > 0 ? System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(keepAliveMillis) : Long.MAX_VALUE;
        while (true) {
            boolean poll;
            lock.lock();
            try {
                while (running && !woken && System.nanoTime() - nextPoll < 0 && System.nanoTime() - nextKeepAlive < 0) {
                    long until = Math.min(nextPoll - System.nanoTime(), nextKeepAlive - System.nanoTime());
                    changed.awaitNanos(Math.max(until, 1));
                }
                if (!running) {
                    return;
                }
                poll = woken || System.nanoTime() - nextPoll >= 0;
                if (poll) {
                    woken = false;
                    lastPollFailed = false;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                lock.unlock();
            }
            if (poll) {
                nextPoll = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(runPoll());
            } else {
                runKeepAlive();
                nextKeepAlive = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(keepAliveMillis);
            }
        }
    }

    /** Runs one poll; returns how long to wait for the next one. */
    private long runPoll() {
        Runnable t = task;
        if (t != null) {
            try {
                t.run();
            } catch (RuntimeException e) {
                LOG.warn("Mailbox {}: a poll failed: {}", name, e.toString());
                pollFailed();
            }
        }
        lock.lock();
        try {
            if (!lastPollFailed) {
                retryMillis = 0;
                return delayMillis;
            }
            retryMillis = retryMillis == 0 ? FIRST_RETRY_MILLIS : Math.min(retryMillis * 2, MAX_RETRY_MILLIS);
            return Math.min(retryMillis, delayMillis);
        } finally {
            lock.unlock();
        }
    }

    private void runKeepAlive() {
        try {
            keepAlive.run();
        } catch (RuntimeException e) {
            LOG.debug("Mailbox {}: keep-alive failed: {}", name, e.toString());
        }
    }
}
