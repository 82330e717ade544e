package org.switchboard.telephony.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import org.h2.jdbcx.JdbcDataSource;
import org.switchboard.api.AgentStatus;
import org.switchboard.api.ScreenPop;
import org.switchboard.api.event.EventProperties;
import org.switchboard.api.event.Topics;
import org.switchboard.core.Core;
import org.switchboard.core.events.Events;
import org.switchboard.core.identity.CrmDirectory;
import org.switchboard.core.outbox.ChannelSenders;
import org.switchboard.core.pipeline.ProcessingSettings;
import org.switchboard.core.service.HealthServiceImpl;
import org.switchboard.jdbc.H2Settings;
import org.switchboard.telephony.ami.AmiMessage;
import org.switchboard.telephony.ami.FakeAmiServer;
import org.switchboard.telephony.asterisk.AmiSession;
import org.switchboard.telephony.call.AgentDevices;
import org.switchboard.telephony.call.CallLifecycle;
import org.switchboard.telephony.testing.PbxHarness;
import org.switchboard.telephony.testing.TestAgents;

/**
 * The pop latency of a call up to the core: from the moment the fake PBX writes an {@code AgentCalled} event to
 * the socket (so the AMI read, asterisk-java's parsing and the lifecycle are in it) until the real core, on an
 * H2 file database, posts the screen pop for the ringing agent ({@code org/switchboard/pop/...} on EventAdmin,
 * which the console's stream turns into the SSE frame). The PBX sends a steady {@code rate} events per second
 * (the recorded answered queue call, back to back, fresh ids and a fresh caller number each, so every call is
 * a new customer), after 5 s of warm-up. Two figures: the first pop of each call (usually before the caller is
 * identified: the ring comes a few events after the call started) and the first pop that carries the customer's
 * card.
 *
 * <p>Run: {@code mvn -B -o -pl telephony-bundle/switchboard-telephony test-compile exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=org.switchboard.telephony.bench.CorePopLatencyBenchmark
 * [-Dexec.args="<events per second> <seconds> [mem]"]} ({@code mem}: H2 in memory instead of a file, to tell the
 * store's share).
 */
public final class CorePopLatencyBenchmark {
    private static final Pattern CALLER = Pattern.compile("\\+74951234567");

    private CorePopLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        List<AmiMessage> call = RingPacer.answeredQueueCall();
        int warmUp = rate * 5;
        int total = warmUp + rate * seconds;

        Path folder = Files.createTempDirectory("switchboard-pop-bench");
        JdbcDataSource dataSource = new JdbcDataSource();
        boolean inMemory = args.length > 2 && "mem".equals(args[2]);
        dataSource.setURL(inMemory ? "jdbc:h2:mem:switchboard;DB_CLOSE_DELAY=-1"
                : "jdbc:h2:file:" + folder.resolve("switchboard") + H2Settings.SHIPPED + ";DB_CLOSE_DELAY=-1");
        Map<String, Long> written = new ConcurrentHashMap<>();
        Map<String, Long> firstPop = new ConcurrentHashMap<>();
        Map<String, Long> cardPop = new ConcurrentHashMap<>();
        Events events = (topic, props) -> {
            if (Topics.SCREEN_POP.equals(topic) && props.get(EventProperties.POP) instanceof ScreenPop pop
                    && pop.contact() != null) {
                long now = System.nanoTime();
                String linkedId = pop.contact().externalId();
                firstPop.putIfAbsent(linkedId, now);
                if (pop.customer() != null) {
                    cardPop.putIfAbsent(linkedId, now);
                }
            }
        };
        Core.Settings d = Core.Settings.defaults();
        Core.Settings settings = new Core.Settings("RU", true,
                new ProcessingSettings(d.processing().batchSize(), List.of(), ProcessingSettings.DEFAULT_TICKET_PATTERN),
                d.outbox(), Duration.ZERO, d.crmLookupBudget(), d.crmLookupTtl());
        Core core = Core.start(dataSource, Clock.systemUTC(), events, settings, new CrmDirectory(), new ChannelSenders(),
                new HealthServiceImpl());
        TestAgents agents = new TestAgents();
        core.configureAgents(agents.list().stream().map(AgentStatus::agent).toList());

        try (FakeAmiServer server = new FakeAmiServer(PbxHarness.USER, PbxHarness.SECRET)) {
            CallLifecycle lifecycle = new CallLifecycle(PbxHarness.PBX, Set.of("from-trunk"), Set.of(), core.ingress(),
                    core.interactionEvents(), new AgentDevices(PbxHarness.PBX, "PJSIP", agents, Clock.systemUTC()),
                    c -> { }, Clock.systemUTC());
            AmiSession session = new AmiSession(PbxHarness.settings(server.port(), PbxHarness.SECRET), lifecycle);
            session.start();
            while (session.resyncs() < 1) {
                Thread.onSpinWait();
            }
            RingPacer.play(server, copy -> {
                String caller = String.format(Locale.ROOT, "+7495%07d", copy);
                return call.stream().map(e -> RingPacer.withIds(e, "p" + copy, line -> CALLER.matcher(line).replaceAll(caller)))
                        .toList();
            }, total, rate, warmUp, written);
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (!firstPop.keySet().containsAll(written.keySet()) && System.nanoTime() < deadline) {
                LockSupport.parkNanos(10_000_000L);
            }
            session.close();
        } finally {
            core.close();
        }
        report("AgentCalled written -> first pop posted", rate, seconds, written, firstPop);
        report("AgentCalled written -> first pop with the customer's card", rate, seconds, written, cardPop);
    }

    private static void report(String what, int rate, int seconds, Map<String, Long> written, Map<String, Long> popped) {
        List<Long> latencies = new ArrayList<>();
        written.forEach((linkedId, at) -> {
            Long pop = popped.get(linkedId);
            if (pop != null) {
                latencies.add(pop - at);
            }
        });
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "pop latency, %s, %d events/s for %d s: %d of %d rings, p50 %.2f ms, p99 %.2f ms, "
                + "max %.2f ms%n", what, rate, seconds, sorted.length, written.size(), pct(sorted, 0.50), pct(sorted, 0.99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
