package org.switchboard.telephony.bench;

import java.time.Clock;
import java.time.Duration;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.asteriskjava.manager.DefaultManagerConnection;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.switchboard.api.EndReason;
import org.switchboard.api.Receipt;
import org.switchboard.api.spi.ContactIngress;
import org.switchboard.api.spi.InteractionEvents;
import org.switchboard.telephony.ami.AmiMessage;
import org.switchboard.telephony.ami.FakeAmiServer;
import org.switchboard.telephony.ami.Transcript;
import org.switchboard.telephony.asterisk.AmiSession;
import org.switchboard.telephony.call.AgentDevices;
import org.switchboard.telephony.call.CallLifecycle;
import org.switchboard.telephony.testing.PbxHarness;
import org.switchboard.telephony.testing.TestAgents;

/**
 * AMI events per second applied to call state, side by side with a bare asterisk-java
 * {@code ManagerEventListener} that only counts, both logged in to the same fake PBX with the same event
 * mask, each fed the same stream by a fake PBX of its own, one after the other (each round starting
 * with the other one, so neither shares the cores with the other): every recorded call flow, repeated with fresh
 * Uniqueids/Linkedids so that each copy is a new call (accepted, offered, answered, ended).
 *
 * <p>Run: {@code mvn -B -o -pl telephony-bundle/switchboard-telephony test-compile exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=org.switchboard.telephony.bench.AmiThroughputBenchmark
 * [-Dexec.args="<copies> <rounds>"]}. Targets: at least 20,000 events/s, and at least 0.7 of the bare rate.
 */
public final class AmiThroughputBenchmark {
    private static final Pattern ID = Pattern.compile("\\d+\\.\\d+(c\\d+)?");
    private static final List<String> FLOWS = List.of("inbound-queue-answered.txt", "inbound-queue-abandoned.txt",
            "inbound-queue-abandoned-ringall.txt", "inbound-queue-ring-no-answer.txt", "inbound-direct-missed.txt",
            "two-concurrent-inbound.txt", "blind-transfer.txt", "redirect-transfer.txt", "click-to-call.txt");

    private static final String END = "bench-end-";
    /** The last event of each round: a new inbound call, seen by both listeners. */
    private static final AmiMessage SENTINEL = Transcript.load("inbound-queue-answered.txt").event("Newchannel", 0);

    private AmiThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int copies = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<AmiMessage> stream = stream(copies);
        long wanted = stream.stream().filter(e -> e.classes().contains("call") || e.classes().contains("agent")).count();
        System.out.printf(Locale.ROOT, "AMI throughput: %d call flows x %d copies = %d events sent, %d of them in the "
                + "call,agent mask; %d rounds, %d cores%n", FLOWS.size(), copies, stream.size(), wanted, rounds,
                Runtime.getRuntime().availableProcessors());

        Set<String> mask = Set.of("call", "agent");
        try (FakeAmiServer bareServer = new FakeAmiServer(PbxHarness.USER, PbxHarness.SECRET);
             FakeAmiServer server = new FakeAmiServer(PbxHarness.USER, PbxHarness.SECRET)) {
            Set<String> bareSeen = ConcurrentHashMap.newKeySet();
            DefaultManagerConnection bareConnection = new DefaultManagerConnection("127.0.0.1", bareServer.port(),
                    PbxHarness.USER, PbxHarness.SECRET);
            bareConnection.addEventListener(e -> {
                if (e instanceof NewChannelEvent n && n.getUniqueId().startsWith(END)) {
                    bareSeen.add(n.getUniqueId());
                }
            });
            bareConnection.login("call,agent");

            CountingCore core = new CountingCore();
            CallLifecycle lifecycle = new CallLifecycle(PbxHarness.PBX, Set.of("from-trunk"), Set.of(), core, core,
                    new AgentDevices(PbxHarness.PBX, "PJSIP", new TestAgents(), Clock.systemUTC()), call -> core.ended++,
                    Clock.systemUTC());
            AmiSession session = new AmiSession(PbxHarness.settings(server.port(), PbxHarness.SECRET), lifecycle);
            session.start();
            while (session.resyncs() < 1) {
                Thread.onSpinWait();
            }

            List<double[]> results = new ArrayList<>();
            for (int round = 0; round <= rounds; round++) {
                String end = END + round;
                List<AmiMessage> events = new ArrayList<>(renumber(stream, round));
                events.add(SENTINEL.with("Uniqueid", end).with("Linkedid", end));
                byte[] wire = FakeAmiServer.wire(events, mask);
                BooleanSupplier appliedAll = () -> core.ids.contains(end);
                BooleanSupplier bareAll = () -> bareSeen.contains(end);
                // one after the other, the first alternating, so neither shares the 2 cores with the other
                double appliedRate;
                double bareRate;
                if (round % 2 == 0) {
                    appliedRate = measure(server, wire, wanted, appliedAll);
                    bareRate = measure(bareServer, wire, wanted, bareAll);
                } else {
                    bareRate = measure(bareServer, wire, wanted, bareAll);
                    appliedRate = measure(server, wire, wanted, appliedAll);
                }
                if (round == 0) {
                    continue; // warm-up
                }
                results.add(new double[] {appliedRate, bareRate});
                System.out.printf(Locale.ROOT, "round %d: applied to call state %,.0f events/s, bare listener %,.0f "
                        + "events/s, ratio %.2f%n", round, appliedRate, bareRate, appliedRate / bareRate);
            }
            session.close(); // applies what is still queued, then stops
            double appliedMedian = median(results, 0);
            double bareMedian = median(results, 1);
            double ratioMedian = median(results.stream().map(r -> new double[] {r[0] / r[1]}).toList(), 0);
            System.out.printf(Locale.ROOT, "median of %d rounds: applied %,.0f events/s, bare %,.0f events/s, ratio %.2f "
                    + "(targets: >= 20,000 events/s, >= 0.70)%ninbound calls: %d accepted (%d rounds' last events among "
                    + "them), %d ended, %d reports to the core%n", rounds, appliedMedian, bareMedian, ratioMedian,
                    core.accepted.get(), rounds + 1, core.ended, core.reports.sum());
            bareConnection.logoff();
        }
    }

    /**
     * Writes the stream and times until its last event (a call of its own) was seen: events per second.
     * Events reach the listener in order, so the last one seen means all were.
     */
    private static double measure(FakeAmiServer server, byte[] wire, long wanted, BooleanSupplier lastSeen)
            throws IOException {
        long start = System.nanoTime();
        server.playWire(wire);
        long deadline = start + Duration.ofMinutes(2).toNanos();
        while (!lastSeen.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the stream's last event never arrived");
            }
            Thread.onSpinWait();
        }
        return wanted / ((System.nanoTime() - start) / 1e9);
    }

    private static double median(List<double[]> rows, int column) {
        double[] values = rows.stream().mapToDouble(r -> r[column]).sorted().toArray();
        return values[values.length / 2];
    }

    /** Every flow, {@code copies} times, each copy with ids of its own. */
    static List<AmiMessage> stream(int copies) {
        List<List<AmiMessage>> flows = FLOWS.stream().map(f -> Transcript.load(f).callEvents()).toList();
        List<AmiMessage> all = new ArrayList<>();
        for (int copy = 0; copy < copies; copy++) {
            for (List<AmiMessage> flow : flows) {
                for (AmiMessage e : flow) {
                    all.add(withIds(e, "c" + copy));
                }
            }
        }
        return all;
    }

    private static List<AmiMessage> renumber(List<AmiMessage> stream, int round) {
        if (round == 0) {
            return stream;
        }
        return stream.stream().map(e -> withIds(e, "r" + round)).toList();
    }

    private static AmiMessage withIds(AmiMessage event, String suffix) {
        List<String> lines = new ArrayList<>(event.lines().size());
        for (String line : event.lines()) {
            int colon = line.indexOf(':');
            String key = colon < 0 ? "" : line.substring(0, colon).toLowerCase(Locale.ROOT);
            String value = colon < 0 ? "" : line.substring(colon + 1).strip();
            if ((key.endsWith("uniqueid") || key.endsWith("linkedid")) && ID.matcher(value).matches()) {
                lines.add(line.substring(0, colon) + ": " + value + suffix);
            } else {
                lines.add(line);
            }
        }
        return new AmiMessage(lines);
    }

    /** The core as the lifecycle sees it, reduced to counting. */
    private static final class CountingCore implements ContactIngress, InteractionEvents {
        final AtomicLong accepted = new AtomicLong();
        final LongAdder reports = new LongAdder();
        long ended;
        final Set<String> ids = ConcurrentHashMap.newKeySet();

        @Override
        public Receipt accept(org.switchboard.api.InboundContact contact) {
            long id = accepted.incrementAndGet();
            ids.add(contact.externalId());
            return new Receipt(id, id, false, contact.occurredAt());
        }

        @Override
        public void queued(long interactionId, String queueId, Instant at) {
            reports.increment();
        }

        @Override
        public void offered(long interactionId, String agentId, Instant at) {
            reports.increment();
        }

        @Override
        public void answered(long interactionId, String agentId, Instant at) {
            reports.increment();
        }

        @Override
        public void transferred(long interactionId, String toAgentId, Instant at) {
            reports.increment();
        }

        @Override
        public void annotated(long interactionId, Map<String, String> details, Instant at) {
            reports.increment();
        }

        @Override
        public void ended(long interactionId, EndReason reason, Instant at) {
            reports.increment();
        }
    }
}
