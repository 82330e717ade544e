package org.switchboard.telephony.ami;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * An AMI server over TCP that behaves as the recorded Asterisk 22 does: the banner, {@code Challenge}
 * and {@code Login} (MD5 key or plain secret; a wrong one is answered {@code Authentication failed} and
 * the connection closed), {@code Permission denied} before login, {@code CoreSettings}, {@code Events},
 * {@code Ping}, {@code CoreShowChannels} and {@code QueueStatus} list responses (from a snapshot the
 * test sets), {@code Originate} (recorded; queued asynchronously, then followed by the events the test
 * scripts with {@link #afterOriginate}, such as the {@code OriginateResponse}), {@code Logoff}; unknown actions get
 * the real error. Events are sent to logged-in sessions as the PBX filters them: only those whose
 * {@code Privilege} classes meet the session's login event mask. With an {@link SSLContext} it listens with TLS,
 * as Asterisk's {@code tlsenable} port does.
 */
public final class FakeAmiServer implements AutoCloseable {
    public static final String BANNER = "Asterisk Call Manager/11.0.0";

    private final String username;
    private final String secret;
    private final ServerSocket server;
    private final List<Session> sessions = new CopyOnWriteArrayList<>();
    private final List<AmiMessage> actions = new CopyOnWriteArrayList<>();
    private final AtomicInteger loginAttempts = new AtomicInteger();
    private final AtomicInteger eventsWritten = new AtomicInteger();
    private final AtomicInteger tlsHandshakes = new AtomicInteger();
    private final AtomicInteger tlsHandshakeFailures = new AtomicInteger();
    private volatile List<AmiMessage> channels = List.of();
    private volatile List<AmiMessage> queueStatus = List.of();
    private volatile boolean closed;
    private volatile Function<AmiMessage, List<AmiMessage>> afterOriginate = action -> List.of();

    public FakeAmiServer(String username, String secret) throws IOException {
        this(username, secret, null);
    }

    /** @param tls the server's key and certificate: it listens with TLS only; {@code null} for plain TCP */
    public FakeAmiServer(String username, String secret, SSLContext tls) throws IOException {
        this.username = username;
        this.secret = secret;
        this.server = tls == null ? new ServerSocket(0, 50, InetAddress.getLoopbackAddress())
                : tls.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "fake-ami-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** What {@code CoreShowChannels} and {@code QueueStatus} answer from now on: the list items of this transcript. */
    public void snapshot(Transcript transcript) {
        this.channels = transcript.events("CoreShowChannel");
        List<AmiMessage> q = new ArrayList<>();
        q.addAll(transcript.events("QueueParams"));
        q.addAll(transcript.events("QueueMember"));
        q.addAll(transcript.events("QueueEntry"));
        this.queueStatus = List.copyOf(q);
    }

    /** What {@code CoreShowChannels} answers from now on: these {@code CoreShowChannel} items; no queue entries. */
    public void snapshot(List<AmiMessage> coreShowChannels) {
        this.channels = List.copyOf(coreShowChannels);
        this.queueStatus = List.of();
    }

    /** From now on nothing is up: {@code CoreShowChannels} and {@code QueueStatus} answer empty lists. */
    public void snapshotEmpty() {
        this.channels = List.of();
        this.queueStatus = List.of();
    }

    /**
     * From now on, each queued {@code Originate} is followed on the same connection by the events this
     * function makes of the action (its outcome, as Asterisk reports it once the call is answered or given up).
     */
    public void afterOriginate(Function<AmiMessage, List<AmiMessage>> events) {
        this.afterOriginate = events;
    }

    /**
     * The {@code OriginateResponse} Asterisk 22 writes for an async {@code Originate} (see the fixtures'
     * README): Success has {@code Reason: 4}, the real channel name and the call's {@code ChannelId} as
     * Uniqueid; Failure has the requested channel, its Reason (3 no answer, 5 busy, 8 congestion, 0 no such
     * endpoint) and {@code Uniqueid: <unknown>}.
     */
    public static AmiMessage originateResponse(AmiMessage originate, int reason) {
        boolean success = reason == 4;
        String channel = originate.get("Channel");
        return AmiMessage.of("Event: OriginateResponse", "Privilege: call,all", "Timestamp: 1795363698.551146",
                "ActionID: " + originate.get("ActionID"), "Response: " + (success ? "Success" : "Failure"),
                "Channel: " + (success ? channel + "-00000000;1" : channel), "Context: " + originate.get("Context"),
                "Exten: " + originate.get("Exten"), "Reason: " + reason,
                "Uniqueid: " + (success ? originate.get("ChannelId") : "<unknown>"),
                "CallerIDNum: <unknown>", "CallerIDName: <unknown>");
    }

    /**
     * The {@code UserEvent} that {@code UserEvent(SwitchboardReminder,Call: ${SB_CALL},Key: ${KEY})} in the
     * reminder context writes for the call this {@code Originate} placed.
     */
    public static AmiMessage reminderKey(AmiMessage originate, String key) {
        String callId = originate.get("ChannelId");
        return AmiMessage.of("Event: UserEvent", "Privilege: user,all", "Timestamp: 1795363700.120000",
                "Channel: " + originate.get("Channel") + "-00000000;1", "ChannelState: 6", "ChannelStateDesc: Up",
                "Context: " + originate.get("Context"), "Exten: s", "Priority: 4", "Uniqueid: " + callId,
                "Linkedid: " + callId, "UserEvent: SwitchboardReminder", "Call: " + callId, "Key: " + key);
    }

    /**
     * The {@code UserEvent} that {@code UserEvent(SwitchboardIvr,Menu: <menu>,Choice: <choice>)} in the
     * inbound dialplan writes on the caller's channel, taken from that channel's {@code Newchannel}.
     */
    public static AmiMessage ivrChoice(AmiMessage newchannel, String menu, String choice) {
        return AmiMessage.of("Event: UserEvent", "Privilege: user,all", "Timestamp: 1795363590.500000",
                "Channel: " + newchannel.get("Channel"), "ChannelState: 6", "ChannelStateDesc: Up",
                "Context: " + newchannel.get("Context"), "Exten: " + newchannel.get("Exten"), "Priority: 3",
                "Uniqueid: " + newchannel.get("Uniqueid"), "Linkedid: " + newchannel.get("Linkedid"),
                "UserEvent: SwitchboardIvr", "Menu: " + menu, "Choice: " + choice);
    }

    /** Sends every call event of the transcript to every logged-in session, in order. */
    public void play(Transcript transcript) {
        play(transcript.callEvents());
    }

    /** Sends these events to every logged-in session, in order. */
    public void play(List<AmiMessage> events) {
        for (Session s : sessions) {
            if (s.loggedIn) {
                s.events(events);
            }
        }
    }

    /**
     * Writes bytes prepared with {@link #wire} to every logged-in session: the fastest the server can
     * send, for benchmarks (the event mask was applied when the bytes were prepared).
     */
    public void playWire(byte[] wire) throws IOException {
        for (Session s : sessions) {
            if (s.loggedIn) {
                s.write(wire);
            }
        }
    }

    /** The events that pass this login event mask, as the PBX would write them. */
    public static byte[] wire(List<AmiMessage> events, Set<String> mask) {
        StringBuilder b = new StringBuilder(events.size() * 600);
        for (AmiMessage e : events) {
            if (e.classes().stream().anyMatch(mask::contains)) {
                b.append(e.wire());
            }
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Closes every client connection, as a PBX restart or a network failure would. */
    public void dropConnections() {
        for (Session s : sessions) {
            s.close();
        }
    }

    /** Every action the clients sent, in order. */
    public List<AmiMessage> actions() {
        return List.copyOf(actions);
    }

    /** The actions of this name. */
    public List<AmiMessage> actions(String name) {
        return actions.stream().filter(a -> name.equalsIgnoreCase(a.get("Action"))).toList();
    }

    public int loginAttempts() {
        return loginAttempts.get();
    }

    /** How many sessions are logged in now. */
    public int loggedIn() {
        return (int) sessions.stream().filter(s -> s.loggedIn && !s.socket.isClosed()).count();
    }

    /** How many TLS handshakes with clients completed. */
    public int tlsHandshakes() {
        return tlsHandshakes.get();
    }

    /** How many TLS handshakes failed (the client did not trust the certificate, or spoke plain TCP). */
    public int tlsHandshakeFailures() {
        return tlsHandshakeFailures.get();
    }

    /** How many events were written to clients since the start. */
    public int eventsWritten() {
        return eventsWritten.get();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        dropConnections();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                Session session = new Session(socket);
                sessions.add(session);
                Thread t = new Thread(session::run, "fake-ami-session");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (!closed) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private final class Session {
        private final Socket socket;
        private final OutputStream out;
        private volatile boolean loggedIn;
        private volatile Set<String> mask = Set.of();
        private volatile boolean allEvents;
        private String challenge;

        Session(Socket socket) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
        }

        void run() {
            boolean tls = socket instanceof SSLSocket;
            boolean greeted = false;
            try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
                write(BANNER + "\r\n"); // over TLS, the handshake runs first: the banner is written once it succeeded
                greeted = true;
                if (tls) {
                    tlsHandshakes.incrementAndGet();
                }
                List<String> lines = new ArrayList<>();
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.isEmpty()) {
                        if (!lines.isEmpty()) {
                            AmiMessage action = new AmiMessage(lines);
                            actions.add(action);
                            handle(action);
                            lines = new ArrayList<>();
                        }
                    } else {
                        lines.add(line);
                    }
                }
            } catch (IOException e) {
                if (tls && !greeted) {
                    // the client refused the certificate (an alert, or it just closed), or spoke plain TCP
                    tlsHandshakeFailures.incrementAndGet();
                }
                // otherwise the client or the test closed the connection
            } finally {
                close();
                sessions.remove(this);
            }
        }

        private void handle(AmiMessage action) throws IOException {
            String name = action.get("Action");
            String id = action.get("ActionID");
            if (name == null) {
                respond(id, "Error", "Message: Missing action in request");
                return;
            }
            switch (name.toLowerCase()) {
                case "challenge" -> {
                    challenge = String.valueOf(100_000_000 + (System.nanoTime() % 899_999_999));
                    respond(id, "Success", "Challenge: " + challenge);
                }
                case "login" -> login(action, id);
                case "logoff" -> {
                    respond(id, "Goodbye", "Message: Thanks for all the fish.");
                    close();
                }
                default -> {
                    if (!loggedIn) {
                        respond(id, "Error", "Message: Permission denied");
                    } else {
                        loggedInAction(name, action, id);
                    }
                }
            }
        }

        private void login(AmiMessage action, String id) throws IOException {
            loginAttempts.incrementAndGet();
            boolean userOk = username.equals(action.get("Username"));
            String key = action.get("Key");
            boolean secretOk = key != null && challenge != null
                    ? key.equalsIgnoreCase(md5(challenge + secret))
                    : secret.equals(action.get("Secret"));
            if (!userOk || !secretOk) {
                respond(id, "Error", "Message: Authentication failed");
                close();
                return;
            }
            String events = action.get("Events");
            events(events == null ? "on" : events);
            loggedIn = true;
            respond(id, "Success", "Message: Authentication accepted");
            event(AmiMessage.of("Event: FullyBooted", "Privilege: system,all", "Uptime: 8", "LastReload: 8",
                    "Status: Fully Booted"));
        }

        private void loggedInAction(String name, AmiMessage action, String id) throws IOException {
            switch (name.toLowerCase()) {
                case "coresettings" -> respond(id, "Success", "AMIversion: 11.0.0", "AsteriskVersion: 22.10.1",
                        "SystemName: ", "CoreMaxCalls: 0", "CoreMaxLoadAvg: 0.000000", "CoreRunUser: ",
                        "CoreRunGroup: ", "CoreMaxFilehandles: 0", "CoreRealTimeEnabled: No",
                        "CoreCDRenabled: Yes", "CoreHTTPenabled: No", "SoundsSearchCustomDir: No");
                case "ping" -> respond(id, "Success", "Ping: Pong", "Timestamp: 1795363810.080840");
                case "events" -> {
                    events(action.get("EventMask"));
                    respond(id, "Success", "Events: " + (allEvents || !mask.isEmpty() ? "On" : "Off"));
                }
                case "coreshowchannels" -> list(id, "Channels will follow", channels, "CoreShowChannelsComplete");
                case "queuestatus" -> list(id, "Queue status will follow", queueStatus, "QueueStatusComplete");
                case "originate" -> originate(action, id);
                default -> respond(id, "Error", "Message: Invalid/unknown command: " + name
                        + ". Use Action: ListCommands to show available commands.");
            }
        }

        private void originate(AmiMessage action, String id) throws IOException {
            if (action.get("Channel") == null) {
                respond(id, "Error", "Message: Channel not specified");
            } else if (action.get("Exten") != null && (action.get("Context") == null || action.get("Priority") == null)) {
                respond(id, "Error", "Message: Originate with 'Exten' requires 'Context' and 'Priority'");
            } else {
                respond(id, "Success", "Message: Originate successfully queued");
                events(afterOriginate.apply(action));
            }
        }

        private void list(String id, String message, List<AmiMessage> items, String complete) throws IOException {
            StringBuilder b = new StringBuilder();
            b.append(response(id, "Success", "EventList: start", "Message: " + message));
            for (AmiMessage item : items) {
                b.append(item.with("ActionID", id).wire());
            }
            b.append(AmiMessage.of("Event: " + complete, "ActionID: " + id, "EventList: Complete",
                    "ListItems: " + items.size()).wire());
            write(b.toString());
        }

        private void events(String value) {
            String m = value == null ? "on" : value.strip().toLowerCase();
            allEvents = m.equals("on") || m.equals("all");
            Set<String> classes = new LinkedHashSet<>();
            if (!allEvents && !m.equals("off")) {
                for (String c : m.split(",")) {
                    if (!c.isBlank()) {
                        classes.add(c.strip());
                    }
                }
            }
            mask = Set.copyOf(classes);
        }

        private boolean wants(AmiMessage event) {
            if (allEvents) {
                return true;
            }
            for (String c : event.classes()) {
                if (mask.contains(c)) {
                    return true;
                }
            }
            return false;
        }

        void events(List<AmiMessage> events) {
            StringBuilder b = new StringBuilder(events.size() * 600);
            int n = 0;
            for (AmiMessage e : events) {
                if (wants(e)) {
                    b.append(e.wire());
                    n++;
                }
            }
            try {
                write(b.toString());
                eventsWritten.addAndGet(n);
            } catch (IOException e) {
                close();
            }
        }

        private void event(AmiMessage e) throws IOException {
            if (wants(e)) {
                write(e.wire());
                eventsWritten.incrementAndGet();
            }
        }

        private void respond(String id, String response, String... lines) throws IOException {
            write(response(id, response, lines));
        }

        private String response(String id, String response, String... lines) {
            List<String> all = new ArrayList<>();
            all.add("Response: " + response);
            if (id != null) {
                all.add("ActionID: " + id);
            }
            all.addAll(List.of(lines));
            return new AmiMessage(all).wire();
        }

        private void write(String text) throws IOException {
            write(text.getBytes(StandardCharsets.UTF_8));
        }

        synchronized void write(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        void close() {
            loggedIn = false;
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
