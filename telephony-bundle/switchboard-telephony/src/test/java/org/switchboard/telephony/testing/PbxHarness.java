package org.switchboard.telephony.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.switchboard.telephony.ami.FakeAmiServer;
import org.switchboard.telephony.asterisk.AmiSession;
import org.switchboard.telephony.asterisk.AmiSettings;
import org.switchboard.telephony.call.AgentDevices;
import org.switchboard.telephony.call.CallLifecycle;
import org.switchboard.telephony.call.CallListener;
import org.switchboard.telephony.call.EndedCall;

/**
 * A fake PBX replaying real transcripts, one {@link AmiSession} logged in to it over TCP, and the
 * {@link CallLifecycle} reporting to recording stand-ins of the core.
 */
public final class PbxHarness implements AutoCloseable {
    public static final String USER = "switchboard";
    public static final String SECRET = "s3cret-Amí";
    public static final String PBX = "pbx1";

    public final FakeAmiServer server;
    public final RecordingIngress ingress = new RecordingIngress();
    public final RecordingEvents events = new RecordingEvents();
    public final TestAgents agents = new TestAgents();
    public final List<EndedCall> ended = new CopyOnWriteArrayList<>();
    public final CallLifecycle lifecycle;
    public final AmiSession session;

    private PbxHarness(String serverSecret, String clientSecret, Set<String> inboundDids, CallListener also)
            throws IOException {
        server = new FakeAmiServer(USER, serverSecret);
        CallListener listener = call -> {
            also.ended(call);
            ended.add(call);
        };
        lifecycle = new CallLifecycle(PBX, Set.of("from-trunk"), inboundDids, ingress, events,
                new AgentDevices(PBX, "PJSIP", agents, Clock.systemUTC()), listener, Clock.systemUTC());
        session = new AmiSession(settings(server.port(), clientSecret), lifecycle);
    }

    /** Started and logged in, the first resynchronisation done. */
    public static PbxHarness connected() throws IOException {
        return connected(Set.of());
    }

    /** Started and logged in, only calls to these DIDs counting as inbound. */
    public static PbxHarness connected(Set<String> inboundDids) throws IOException {
        return connected(inboundDids, call -> { });
    }

    /** Started and logged in, every ended call also told to this listener (the callback worklist). */
    public static PbxHarness connected(Set<String> inboundDids, CallListener listener) throws IOException {
        PbxHarness h = new PbxHarness(SECRET, SECRET, inboundDids, listener);
        h.session.start();
        h.awaitResyncs(1);
        return h;
    }

    /** Started with a password the PBX does not accept. */
    public static PbxHarness withWrongPassword() throws IOException {
        PbxHarness h = new PbxHarness(SECRET, "wrong", Set.of(), call -> { });
        h.session.start();
        return h;
    }

    public static AmiSettings settings(int port, String secret) {
        return new AmiSettings(PBX, "127.0.0.1", port, false, USER, secret, "call,agent,user",
                Duration.ofSeconds(2), Duration.ofMillis(50), Duration.ofMillis(400));
    }

    public void awaitResyncs(long n) {
        await().atMost(Duration.ofSeconds(10)).until(() -> session.resyncs() >= n);
    }

    /** Waits until this many reports arrived. */
    public void awaitReports(int n) {
        await().atMost(Duration.ofSeconds(10)).until(() -> events.reports().size() >= n);
    }

    /** Waits until this many calls ended. */
    public void awaitEnded(int n) {
        await().atMost(Duration.ofSeconds(10)).until(() -> ended.size() >= n);
    }

    @Override
    public void close() throws IOException {
        session.close();
        server.close();
    }
}
