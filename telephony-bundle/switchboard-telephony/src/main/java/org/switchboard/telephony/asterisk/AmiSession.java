package org.switchboard.telephony.asterisk;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;
import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.QueueStatusAction;
import org.asteriskjava.manager.event.AgentCalledEvent;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.BridgeCreateEvent;
import org.asteriskjava.manager.event.BridgeDestroyEvent;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.BridgeLeaveEvent;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.CoreShowChannelsCompleteEvent;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.QueueCallerAbandonEvent;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.asteriskjava.manager.event.QueueEntryEvent;
import org.asteriskjava.manager.event.QueueMemberEvent;
import org.asteriskjava.manager.event.QueueParamsEvent;
import org.asteriskjava.manager.event.QueueStatusCompleteEvent;
import org.asteriskjava.manager.event.ResponseEvent;
import org.asteriskjava.manager.response.ManagerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.telephony.call.CallLifecycle;

/**
 * One PBX's AMI connection and the worker that applies its events.
 *
 * <p>asterisk-java's reader thread only puts each event on a queue; one worker thread per PBX takes
 * them off in order and applies them to the {@link CallLifecycle}, so a slow store never stalls the
 * socket. Logging in asks for the configured event classes only ({@code call,agent,user}). Each event is
 * also handed to a second consumer after the lifecycle (the PBX's reminder calls).
 *
 * <p>Connections are this class's own business, not asterisk-java's: when a connection drops, it is
 * logged off (which stops asterisk-java's own reconnect loop) and a new one is tried after a pause that
 * doubles with each failure up to a ceiling. After every login, the worker first resynchronises
 * ({@code CoreShowChannels}, then {@code QueueStatus}) and then applies the events that came in
 * meanwhile; the lifecycle's reports are idempotent, so the overlap counts nothing twice.
 */
public final class AmiSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AmiSession.class);
    /**
     * The events the calls are followed with, and the list items of the resynchronisation, registered on
     * every connection: asterisk-java finds its event classes by scanning the class path (Reflections),
     * which finds none inside an OSGi framework, and then builds no event at all. The bridge events feed
     * asterisk-java's own bridge tracking, which {@code BridgeEnter} relies on.
     */
    private static final List<Class<? extends ManagerEvent>> EVENT_CLASSES = List.of(NewChannelEvent.class,
            QueueCallerJoinEvent.class, AgentCalledEvent.class, DialBeginEvent.class, DialEndEvent.class,
            AgentConnectEvent.class, BridgeCreateEvent.class, BridgeEnterEvent.class, BridgeLeaveEvent.class,
            BridgeDestroyEvent.class, QueueCallerAbandonEvent.class, HangupEvent.class,
            CoreShowChannelEvent.class, CoreShowChannelsCompleteEvent.class, QueueParamsEvent.class,
            QueueMemberEvent.class, QueueEntryEvent.class, QueueStatusCompleteEvent.class,
            OriginateResponseEvent.class, SwitchboardReminderEvent.class, SwitchboardIvrEvent.class);
    private static final int BATCH = 512;

    private final AmiSettings settings;
    private final CallLifecycle lifecycle;
    private final Consumer<ManagerEvent> also;
    private final Backoff backoff;
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final ScheduledExecutorService connector;
    private final Thread worker;
    private volatile ManagerConnection current;
    private volatile boolean closed;
    private volatile boolean loginRefused;
    private volatile long resyncs;
    /** Written by the worker only. */
    private volatile long applied;

    public AmiSession(AmiSettings settings, CallLifecycle lifecycle) {
        this(settings, lifecycle, event -> { });
    }

    /** @param also also given every event, after the lifecycle, on the same worker thread (reminder calls) */
    public AmiSession(AmiSettings settings, CallLifecycle lifecycle, Consumer<ManagerEvent> also) {
        this.settings = settings;
        this.lifecycle = lifecycle;
        this.also = also;
        this.backoff = new Backoff(settings.reconnectMin().toMillis(), settings.reconnectMax().toMillis());
        this.connector = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "switchboard-ami-" + settings.pbxId() + "-connect");
            t.setDaemon(true);
            return t;
        });
        this.worker = new Thread(this::work, "switchboard-ami-" + settings.pbxId() + "-events");
        this.worker.setDaemon(true);
    }

    /** Starts the worker and the first connection attempt; returns at once. */
    public void start() {
        worker.start();
        connector.execute(this::connect);
    }

    /** Whether the PBX is logged in now. */
    public boolean connected() {
        ManagerConnection c = current;
        return c != null && c.getState() == ManagerConnectionState.CONNECTED;
    }

    /** Whether the last login attempt was refused (wrong user or password). */
    public boolean loginRefused() {
        return loginRefused;
    }

    /** How many AMI events the worker applied to the call state since the start. */
    public long eventsApplied() {
        return applied;
    }

    /** How many resynchronisations completed since the start. */
    public long resyncs() {
        return resyncs;
    }

    /**
     * Sends an action on the current connection and waits for its response.
     *
     * @throws IOException the PBX is not connected or the action could not be sent
     */
    public ManagerResponse send(ManagerAction action, Duration timeout) throws IOException, TimeoutException {
        ManagerConnection c = current;
        if (c == null || !connected()) {
            throw new IOException("PBX " + settings.pbxId() + " is not connected");
        }
        return c.sendAction(action, timeout.toMillis());
    }

    @Override
    public void close() {
        closed = true;
        connector.shutdownNow();
        queue.add(Stop.STOP);
        ManagerConnection c = current;
        current = null;
        if (c != null) {
            logoff(c);
        }
        try {
            worker.join(settings.responseTimeout().toMillis() * 2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void connect() {
        if (closed) {
            return;
        }
        AmiConnection c = new AmiConnection(settings);
        c.setDefaultResponseTimeout(settings.responseTimeout().toMillis());
        c.setDefaultEventTimeout(settings.responseTimeout().toMillis() * 2);
        ManagerEventListener listener = event -> queue.add(event instanceof DisconnectEvent ? new Dropped(c) : event);
        c.addEventListener(listener);
        EVENT_CLASSES.forEach(c::registerUserEventClass);
        try {
            c.login(settings.eventMask());
            if (closed) {
                logoff(c);
                return;
            }
            loginRefused = false;
            backoff.reset();
            current = c;
            LOG.info("PBX {} connected: {}", settings.pbxId(), settings);
            queue.add(new Resync(c));
        } catch (AuthenticationFailedException e) {
            loginRefused = true;
            retryLater("refused the login of user '" + settings.username() + "' (" + e.getMessage()
                    + "): check username and password in etc/" + AsteriskConfig.PID + "-" + settings.pbxId() + ".cfg");
        } catch (SSLException e) {
            retryLater("was not trusted over TLS, so it got no login (" + e.getMessage() + "): its certificate must be"
                    + " trusted by Karaf's JVM and name the host '" + settings.host() + "'");
        } catch (IOException | TimeoutException | RuntimeException e) {
            retryLater("is unreachable (" + e.getMessage() + ")");
        }
    }

    private void retryLater(String why) {
        if (closed) {
            return;
        }
        Duration pause = backoff.next();
        LOG.warn("PBX {} {}; next attempt in {} ms", settings.pbxId(), why, pause.toMillis());
        try {
            connector.schedule(this::connect, pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closed meanwhile: no more attempts
        }
    }

    private void work() {
        List<Object> batch = new ArrayList<>(BATCH);
        while (true) {
            try {
                batch.add(queue.take());
                queue.drainTo(batch, BATCH - 1);
                for (Object item : batch) {
                    if (item == Stop.STOP) {
                        return;
                    }
                    try {
                        handle(item);
                    } catch (RuntimeException e) {
                        // one bad event must not cost the others of its batch
                        LOG.error("PBX {}: an event could not be applied", settings.pbxId(), e);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void handle(Object item) {
        if (item instanceof ManagerEvent event) {
            lifecycle.apply(event);
            also.accept(event);
            applied++;
        } else if (item instanceof Resync resync) {
            resync(resync.connection());
        } else if (item instanceof Dropped dropped) {
            dropped(dropped.connection());
        }
    }

    private void resync(ManagerConnection c) {
        if (c != current) {
            return;
        }
        try {
            long timeout = settings.responseTimeout().toMillis() * 2;
            ResponseEvents channels = c.sendEventGeneratingAction(new CoreShowChannelsAction(), timeout);
            ResponseEvents queues = c.sendEventGeneratingAction(new QueueStatusAction(), timeout);
            lifecycle.resync(only(channels, CoreShowChannelEvent.class), only(queues, QueueEntryEvent.class));
            resyncs++;
        } catch (IOException | TimeoutException | RuntimeException e) {
            LOG.warn("PBX {}: resynchronising after login failed ({}); connecting again", settings.pbxId(),
                    e.toString());
            current = null;
            logoff(c);
            retryLater("could not be resynchronised");
        }
    }

    private void dropped(ManagerConnection c) {
        if (c != current || closed) {
            return;
        }
        current = null;
        logoff(c);
        retryLater("dropped the connection");
    }

    private static <T extends ResponseEvent> List<T> only(ResponseEvents events, Class<T> type) {
        List<T> result = new ArrayList<>();
        for (ResponseEvent e : events.getEvents()) {
            if (type.isInstance(e)) {
                result.add(type.cast(e));
            }
        }
        return result;
    }

    private static void logoff(ManagerConnection c) {
        try {
            c.logoff();
        } catch (IllegalStateException e) {
            // not logged in (any more): nothing to end
        }
    }

    private record Resync(ManagerConnection connection) {
    }

    private record Dropped(ManagerConnection connection) {
    }

    private enum Stop { STOP }
}
