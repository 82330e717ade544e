package org.switchboard.itests.bench;

import static org.switchboard.itests.bench.DistributionBench.loadAverage;
import static org.switchboard.itests.bench.DistributionBench.login;
import static org.switchboard.itests.bench.DistributionBench.millis;
import static org.switchboard.itests.bench.DistributionBench.percentile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.switchboard.itests.distribution.SwitchboardInstance;
import org.switchboard.itests.support.FakePbx;
import org.switchboard.telephony.ami.AmiMessage;
import org.switchboard.telephony.ami.FakeAmiServer;
import org.switchboard.telephony.ami.Transcript;

/**
 * Screen-pop latency of a phone call on the real distribution, end to end: the unpacked distribution
 * boots {@code switchboard-telephony}, logged in over AMI to the fake Asterisk of the telephony
 * bundle's tests (a TCP server in this JVM); {@code --agents} agents of branch {@code berlin}, each with
 * a phone of its own ({@code PJSIP/2001}, {@code PJSIP/2002}, …), watch their console streams
 * ({@code GET /switchboard/api/agents/me/pops}). The fake PBX replays the recorded answered queue call
 * (Asterisk 22: the caller queues, the member's phone rings, {@code AgentCalled}, the agent answers, the
 * caller hangs up) back to back at a steady {@code --rate} AMI events per second, only the events the
 * login's mask lets through ({@code call}, {@code agent}); each copy has its own ids, a new caller
 * number and the next agent's phone, round robin. Every call ends, so no agent holds on to one.
 *
 * <p>The figure: from the fake PBX writing {@code AgentCalled} to the socket until the call's first
 * {@code pop} frame is read from the ringing agent's stream, both taken here with
 * {@link System#nanoTime()} (one clock), for the rings after {@code --warmup} seconds. It also counts the
 * pops that arrived on another agent's stream (must be 0) and the calls whose end reached the agent's
 * stream.
 *
 * <pre>
 * mvn -B -o -pl itests test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.switchboard.itests.bench.CallPopLatencyBenchmark \
 *     -Dexec.args="--agents 20 --rate 200 --seconds 30"
 * </pre>
 *
 * Options: {@code --agents N} (default 20), {@code --rate EVENTS_PER_SECOND} (default 200),
 * {@code --seconds N} (measured, default 30), {@code --warmup SECONDS} (played first, not measured,
 * default 5), {@code --distribution PATH} (default: the one built in
 * karaf-features/switchboard-distribution/target).
 */
public final class CallPopLatencyBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PBX = "berlin";
    private static final String AMI_USER = "switchboard";
    private static final String AMI_SECRET = "bench-" + Long.toHexString(System.nanoTime());
    private static final Pattern RECORDED_CALLER = Pattern.compile("\\+74951234567");
    private static final Pattern RECORDED_PHONE = Pattern.compile("\\b1001\\b");
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);
    private static final Set<String> ENDED = Set.of("WRAP_UP", "CLOSED");

    private final SwitchboardInstance instance;
    private final DistributionBench bench;
    /** Linkedid → the agent whose phone rings. */
    private final Map<String, String> ringing = new ConcurrentHashMap<>();
    /** Linkedid → when the PBX wrote its AgentCalled (measured rings only). */
    private final Map<String, Long> writtenAt = new ConcurrentHashMap<>();
    /** Linkedid → when its first pop was read from the ringing agent's stream. */
    private final Map<String, Long> poppedAt = new ConcurrentHashMap<>();
    /** Linkedid → when its first pop with the customer's card was read. */
    private final Map<String, Long> cardAt = new ConcurrentHashMap<>();
    /** interaction id → Linkedid, from the pops. */
    private final Map<Long, String> callOf = new ConcurrentHashMap<>();
    private final Set<String> ended = ConcurrentHashMap.newKeySet();
    private final AtomicInteger misdelivered = new AtomicInteger();

    private CallPopLatencyBenchmark(SwitchboardInstance instance, DistributionBench bench) {
        this.instance = instance;
        this.bench = bench;
    }

    public static void main(String[] args) throws Exception {
        DistributionBench.Options options = DistributionBench.Options.parse(args, 20, 200, 30, 5);
        int agents = options.agents();
        Path work = Path.of(System.getProperty("java.io.tmpdir"), "switchboard-call-pop-benchmark");
        try (FakeAmiServer ami = new FakeAmiServer(AMI_USER, AMI_SECRET);
                SwitchboardInstance instance = SwitchboardInstance.unpack(options.distribution(), work)) {
            instance.installDemo();
            addAgents(instance, agents);
            FakePbx.connect(instance, PBX, ami, AMI_USER, AMI_SECRET);
            Instant started = Instant.now();
            instance.start();
            instance.awaitReady(started, READY_TIMEOUT);
            try (DistributionBench bench = new DistributionBench(instance.api())) {
                CallPopLatencyBenchmark benchmark = new CallPopLatencyBenchmark(instance, bench);
                benchmark.awaitPbx(ami);
                benchmark.run(ami, agents, options.rate(), options.seconds(), options.warmup());
            } finally {
                instance.stop();
            }
        }
    }

    private void awaitPbx(FakeAmiServer ami) throws Exception {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (ami.loggedIn() == 1) {
                JsonNode health = JSON.readTree(bench.send(bench.request("/health", "admin").GET(), 200));
                if ("UP".equals(health.path("checks").path("pbx:" + PBX).path("status").asText())) {
                    return;
                }
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        throw new IllegalStateException("Switchboard did not log in to the fake PBX; see " + instance.log());
    }

    private void run(FakeAmiServer ami, int agents, int rate, int seconds, int warmup) throws Exception {
        for (int n = 1; n <= agents; n++) {
            bench.followPops(login(n), this::onEvent);
        }
        List<AmiMessage> recorded = Transcript.load("inbound-queue-answered.txt").callEvents().stream()
                .filter(e -> e.classes().stream().anyMatch(Set.of("call", "agent")::contains)).toList();
        System.out.printf(Locale.ROOT, "call pop latency: %d agents streaming, %d AMI events/s (%d events a call), %d s measured"
                + " after %d s warm-up, %d cores%n", agents, rate, recorded.size(), seconds, warmup,
                Runtime.getRuntime().availableProcessors());

        int warmupEvents = rate * warmup;
        int total = warmupEvents + rate * seconds;
        long interval = 1_000_000_000L / rate;
        long next = System.nanoTime();
        int sent = 0;
        for (int copy = 0; sent < total; copy++) {
            String agent = login(copy % agents + 1);
            String phone = extension(copy % agents + 1);
            String caller = String.format(Locale.ROOT, "+7495%07d", copy);
            String suffix = "b" + copy;
            for (AmiMessage event : recorded) {
                AmiMessage e = asCall(event, suffix, caller, phone);
                byte[] wire = e.wire().getBytes(StandardCharsets.UTF_8);
                LockSupport.parkNanos(next - System.nanoTime());
                if ("AgentCalled".equals(e.get("Event"))) {
                    String linkedId = e.get("Linkedid");
                    ringing.put(linkedId, agent);
                    if (sent >= warmupEvents) {
                        writtenAt.put(linkedId, System.nanoTime());
                    }
                }
                ami.playWire(wire);
                next += interval;
                sent++;
            }
        }
        boolean all = awaitPops();

        long[] first = latencies(poppedAt);
        long[] card = latencies(cardAt);
        long endedMeasured = writtenAt.keySet().stream().filter(ended::contains).count();
        System.out.printf(Locale.ROOT, "rings measured    %d; pops read %d%s; on another agent's stream: %d;"
                + " read before their AgentCalled was written: %d%n", writtenAt.size(), first.length,
                all ? "" : " (not all within " + DRAIN_TIMEOUT.toSeconds() + " s)", misdelivered.get(),
                Arrays.stream(first).filter(nanos -> nanos < 0).count());
        System.out.printf(Locale.ROOT, "calls ended       %d of %d on the ringing agent's stream%n", endedMeasured,
                writtenAt.size());
        print("AgentCalled written -> first pop read from the agent's stream", first);
        print("AgentCalled written -> first pop with the customer's card read", card);
        System.out.printf(Locale.ROOT, "target  p99 <= 25 ms (set for 200 events/s): %s%n", first.length == 0 ? "no samples"
                : millis(percentile(first, 99)) <= 25.0 ? "met" : "NOT met");
        System.out.printf(Locale.ROOT, "ERROR lines in karaf.log: %d; machine load average after the run: %s%n",
                instance.logLines("ERROR").size(), loadAverage());
    }

    /** One copy of a recorded event: ids of its own, the caller's number and the ringing phone replaced. */
    private static AmiMessage asCall(AmiMessage event, String suffix, String caller, String phone) {
        List<String> lines = new ArrayList<>();
        for (String line : event.lines()) {
            int colon = line.indexOf(':');
            String key = colon < 0 ? "" : line.substring(0, colon).toLowerCase(Locale.ROOT);
            if (key.endsWith("uniqueid") || key.endsWith("linkedid")) {
                lines.add(line + suffix);
            } else {
                String replaced = RECORDED_CALLER.matcher(line).replaceAll(caller);
                lines.add(RECORDED_PHONE.matcher(replaced).replaceAll(phone));
            }
        }
        return new AmiMessage(lines);
    }

    private long[] latencies(Map<String, Long> read) {
        return writtenAt.entrySet().stream().filter(e -> read.containsKey(e.getKey()))
                .mapToLong(e -> read.get(e.getKey()) - e.getValue()).sorted().toArray();
    }

    private static void print(String what, long[] sorted) {
        System.out.printf(Locale.ROOT, "%-64s p50 %6.2f ms   p99 %6.2f ms   max %7.2f ms   (%d pops)%n", what,
                millis(percentile(sorted, 50)), millis(percentile(sorted, 99)),
                millis(sorted.length == 0 ? 0 : sorted[sorted.length - 1]), sorted.length);
    }

    private boolean awaitPops() throws InterruptedException {
        long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (poppedAt.keySet().containsAll(writtenAt.keySet()) && ended.containsAll(writtenAt.keySet())) {
                return true;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        return poppedAt.keySet().containsAll(writtenAt.keySet());
    }

    /** One event of an agent's stream; a pop's instant is when its data line was read. */
    private void onEvent(String agentId, String event, JsonNode data, long now) {
        if ("pop".equals(event)) {
            String linkedId = data.path("contact").path("externalId").asText();
            if (!agentId.equals(ringing.get(linkedId)) || !agentId.equals(data.path("agentId").asText())) {
                misdelivered.incrementAndGet();
                return;
            }
            poppedAt.putIfAbsent(linkedId, now);
            if (data.path("customer").isObject()) {
                cardAt.putIfAbsent(linkedId, now);
            }
            callOf.put(data.path("interaction").path("id").asLong(), linkedId);
        } else if ("interaction".equals(event)) {
            String linkedId = callOf.get(data.path("id").asLong());
            if (linkedId != null && ENDED.contains(data.path("state").asText())) {
                ended.add(linkedId);
            }
        }
    }

    /** Agents bench01… of branch berlin, each with a phone of its own, and their users (password = user name). */
    private static void addAgents(SwitchboardInstance instance, int agents) throws IOException {
        StringBuilder users = new StringBuilder("\n");
        for (int n = 1; n <= agents; n++) {
            String login = login(n);
            List<String> config = List.of("name = Bench Agent " + n, "login = " + login, "extensions = PJSIP/" + extension(n),
                    "skills = support", "capacity = voice:1", "branch = " + PBX);
            Files.write(instance.home().resolve("etc/org.switchboard.agent-" + login + ".cfg"), config);
            users.append(login).append(" = ").append(login).append(", agent\n");
        }
        Files.writeString(instance.home().resolve("etc/users.properties"), users, StandardOpenOption.APPEND);
    }

    private static String extension(int n) {
        return Integer.toString(2000 + n);
    }
}
