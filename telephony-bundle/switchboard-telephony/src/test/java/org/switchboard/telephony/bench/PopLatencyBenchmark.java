package org.switchboard.telephony.bench;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.switchboard.api.EndReason;
import org.switchboard.api.InboundContact;
import org.switchboard.api.Receipt;
import org.switchboard.api.spi.ContactIngress;
import org.switchboard.api.spi.InteractionEvents;
import org.switchboard.telephony.ami.AmiMessage;
import org.switchboard.telephony.ami.FakeAmiServer;
import org.switchboard.telephony.asterisk.AmiSession;
import org.switchboard.telephony.call.AgentDevices;
import org.switchboard.telephony.call.CallLifecycle;
import org.switchboard.telephony.testing.PbxHarness;
import org.switchboard.telephony.testing.TestAgents;

/**
 * Telephony's part of the pop latency: from the moment the fake PBX writes an {@code AgentCalled} event
 * to the socket until the lifecycle reports {@code offered} to the core, with the PBX sending a steady
 * {@code rate} events per second (answered queue calls, back to back, fresh ids each), after 5 s of warm-up. What the core and
 * the console add after {@code offered} (pop assembly, SSE) is not measured here.
 *
 * <p>Run: {@code mvn -B -o -pl telephony-bundle/switchboard-telephony test-compile exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=org.switchboard.telephony.bench.PopLatencyBenchmark
 * [-Dexec.args="<events per second> <seconds>"]}.
 */
public final class PopLatencyBenchmark {
    private PopLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        List<AmiMessage> call = RingPacer.answeredQueueCall();
        int warmUp = rate * 5; // the first 5 s warm the JIT up and are not counted
        int total = warmUp + rate * seconds;

        try (FakeAmiServer server = new FakeAmiServer(PbxHarness.USER, PbxHarness.SECRET)) {
            Map<String, Long> written = new ConcurrentHashMap<>();
            Map<Long, String> callOf = new ConcurrentHashMap<>();
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            TimingCore core = new TimingCore(callOf, written, latencies);
            CallLifecycle lifecycle = new CallLifecycle(PbxHarness.PBX, Set.of("from-trunk"), Set.of(), core, core,
                    new AgentDevices(PbxHarness.PBX, "PJSIP", new TestAgents(), Clock.systemUTC()), c -> { },
                    Clock.systemUTC());
            AmiSession session = new AmiSession(PbxHarness.settings(server.port(), PbxHarness.SECRET), lifecycle);
            session.start();
            while (session.resyncs() < 1) {
                Thread.onSpinWait();
            }
            RingPacer.play(server, copy -> call.stream().map(e -> RingPacer.withIds(e, "p" + copy)).toList(), total, rate,
                    warmUp, written);
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (latencies.size() < written.size() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            session.close();
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "pop latency, AgentCalled written -> offered reported, %d events/s for %d s: "
                    + "%d pops of %d rings, p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", rate, seconds, sorted.length,
                    written.size(), pct(sorted, 0.50), pct(sorted, 0.99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
        }
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    /** A core that answers at once and notes when each call was offered. */
    private static final class TimingCore implements ContactIngress, InteractionEvents {
        private final AtomicLong ids = new AtomicLong();
        private final Map<Long, String> callOf;
        private final Map<String, Long> written;
        private final List<Long> latencies;

        TimingCore(Map<Long, String> callOf, Map<String, Long> written, List<Long> latencies) {
            this.callOf = callOf;
            this.written = written;
            this.latencies = latencies;
        }

        @Override
        public Receipt accept(InboundContact contact) {
            long id = ids.incrementAndGet();
            callOf.put(id, contact.externalId());
            return new Receipt(id, id, false, contact.occurredAt());
        }

        @Override
        public void offered(long interactionId, String agentId, Instant at) {
            long now = System.nanoTime();
            Long sentAt = written.get(callOf.get(interactionId));
            if (sentAt != null) {
                latencies.add(now - sentAt);
            }
        }

        @Override
        public void queued(long interactionId, String queueId, Instant at) {
        }

        @Override
        public void answered(long interactionId, String agentId, Instant at) {
        }

        @Override
        public void transferred(long interactionId, String toAgentId, Instant at) {
        }

        @Override
        public void annotated(long interactionId, Map<String, String> details, Instant at) {
        }

        @Override
        public void ended(long interactionId, EndReason reason, Instant at) {
        }
    }
}
