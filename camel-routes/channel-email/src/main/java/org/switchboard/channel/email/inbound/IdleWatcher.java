package org.switchboard.channel.email.inbound;

import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.channel.email.MailClassLoader;
import org.switchboard.channel.email.Mailbox;

/**
 * Keeps one IMAP connection of its own to the mailbox's folder in {@code IDLE} (RFC 2177), where the
 * server offers it, and calls {@code onNewMail} when the server announces a message. It reads nothing:
 * the mailbox's poll does, woken by it, so flags and idempotency stay the poll's alone.
 *
 * <p>A dropped connection is opened again after 1, 2, 4 … up to 60 seconds, and every (re)connection
 * calls {@code onNewMail} too, for what arrived meanwhile. A server without IDLE is left to the poll:
 * the watcher says so once and ends. {@link #keepAlive()} (run every few minutes by the poll's thread)
 * ends the IDLE command with a {@code NOOP} so that the server does not drop it as inactive
 * (RFC 2177 asks for a new one every 29 minutes) and a dead connection is noticed.
 */
final class IdleWatcher {
    private static final Logger LOG = LoggerFactory.getLogger(IdleWatcher.class);
    private static final long FIRST_RECONNECT_MILLIS = 1_000;
    private static final long MAX_RECONNECT_MILLIS = 60_000;

    private final Mailbox mailbox;
    private final Runnable onNewMail;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition stopped = lock.newCondition();
    /** Connections opened into IDLE so far; for tests and logs. */
    final AtomicInteger connections = new AtomicInteger();
    /** IDLE commands ended by {@link #keepAlive()}; for tests. */
    final AtomicInteger renewals = new AtomicInteger();
    private Thread thread;
    private boolean running;
    private volatile Store store;
    private volatile IMAPFolder folder;

    IdleWatcher(Mailbox mailbox, Runnable onNewMail) {
        this.mailbox = mailbox;
        this.onNewMail = onNewMail;
    }

    void start() {
        lock.lock();
        try {
            if (thread != null) {
                return;
            }
            running = true;
            thread = new Thread(() -> MailClassLoader.call(() -> {
                watch();
                return null;
            }), "email." + mailbox.name() + ".idle");
            thread.setDaemon(true);
            thread.start();
        } finally {
            lock.unlock();
        }
    }

    /** Ends the IDLE command and the connection, and waits (bounded) for the thread to end. */
    void stop() {
        Thread stopping;
        lock.lock();
        try {
            stopping = thread;
            thread = null;
            running = false;
            stopped.signalAll();
        } finally {
            lock.unlock();
        }
        if (stopping == null) {
            return;
        }
        disconnect();
        try {
            stopping.join(mailbox.timeoutMillis() + 1_000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ends the current IDLE command with a NOOP; the watcher starts a new one. */
    void keepAlive() {
        IMAPFolder f = folder;
        if (f == null || !f.isOpen()) {
            return;
        }
        try {
            MailClassLoader.call(() -> f.doCommand(protocol -> {
                protocol.simpleCommand("NOOP", null);
                return null;
            }));
            renewals.incrementAndGet();
        } catch (MessagingException | IllegalStateException e) {
            // the watcher's own read fails too and reconnects
            LOG.debug("Mailbox {}: the IDLE connection did not answer a NOOP: {}", mailbox.name(), e.toString());
        }
    }

    private boolean running() {
        lock.lock();
        try {
            return running;
        } finally {
            lock.unlock();
        }
    }

    private void watch() {
        long backoff = 0;
        boolean failedBefore = false;
        while (running()) {
            try {
                if (!connect()) {
                    LOG.info("Mailbox {}: the IMAP server does not offer IDLE; new mail is fetched every {} ms",
                            mailbox.name(), mailbox.pollDelayMillis());
                    disconnect();
                    return;
                }
                if (failedBefore) {
                    LOG.info("Mailbox {}: IMAP IDLE connected again", mailbox.name());
                }
                connections.incrementAndGet();
                backoff = 0;
                failedBefore = false;
                onNewMail.run();
                IMAPFolder f = folder;
                while (f != null && running() && f.isOpen()) {
                    f.idle();
                }
                if (running()) {
                    // closed without an error: connect again, but not in a tight loop
                    throw new MessagingException("the server closed the folder");
                }
            } catch (MessagingException | IllegalStateException e) {
                if (!running()) {
                    break;
                }
                backoff = backoff == 0 ? FIRST_RECONNECT_MILLIS : Math.min(backoff * 2, MAX_RECONNECT_MILLIS);
                if (!failedBefore) {
                    LOG.warn("Mailbox {}: the IMAP IDLE connection failed ({}); trying again, the poll goes on meanwhile",
                            mailbox.name(), e.getMessage());
                } else {
                    LOG.debug("Mailbox {}: IMAP IDLE still failing: {}", mailbox.name(), e.toString());
                }
                failedBefore = true;
            }
            disconnect();
            if (backoff > 0) {
                pause(backoff);
            }
        }
        disconnect();
    }

    /** Connects and opens the folder; {@code false} when the server has no IDLE. */
    private boolean connect() throws MessagingException {
        String protocol = mailbox.tls() ? "imaps" : "imap";
        Properties props = new Properties();
        props.setProperty("mail.store.protocol", protocol);
        props.setProperty("mail." + protocol + ".connectiontimeout", Integer.toString(mailbox.timeoutMillis()));
        // the read timeout bounds every command but the IDLE itself, which Angus keeps reading through it
        props.setProperty("mail." + protocol + ".timeout", Integer.toString(mailbox.timeoutMillis()));
        Session session = Session.getInstance(props);
        Store s = session.getStore(protocol);
        lock.lock();
        try {
            if (!running) {
                throw new IllegalStateException("stopped");
            }
            store = s;
        } finally {
            lock.unlock();
        }
        s.connect(mailbox.host(), mailbox.port(), mailbox.user(), mailbox.password());
        if (!(s instanceof IMAPStore imap) || !imap.hasCapability("IDLE")) {
            return false;
        }
        IMAPFolder f = (IMAPFolder) s.getFolder(mailbox.folder());
        f.addMessageCountListener(new MessageCountAdapter() {
            @Override
            public void messagesAdded(MessageCountEvent e) {
                onNewMail.run();
            }
        });
        f.open(Folder.READ_ONLY);
        lock.lock();
        try {
            // stop() closes what it finds here; after it, nothing new is left open
            folder = f;
            if (!running) {
                folder = null;
                store = null;
                f.close(false);
                s.close();
                throw new IllegalStateException("stopped");
            }
        } finally {
            lock.unlock();
        }
        return true;
    }

    private void disconnect() {
        IMAPFolder f = folder;
        folder = null;
        if (f != null) {
            try {
                f.close(false);
            } catch (MessagingException | IllegalStateException e) {
                LOG.trace("Mailbox {}: closing the IDLE folder: {}", mailbox.name(), e.toString());
            }
        }
        Store s = store;
        store = null;
        if (s != null) {
            try {
                s.close();
            } catch (MessagingException e) {
                LOG.trace("Mailbox {}: closing the IDLE connection: {}", mailbox.name(), e.toString());
            }
        }
    }

    private void pause(long millis) {
        lock.lock();
        try {
            long left = TimeUnit.MILLISECONDS.toNanos(millis);
            while (running && left > 0) {
                left = stopped.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }
}
