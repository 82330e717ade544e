package org.switchboard.itests.bench;

import static org.switchboard.itests.bench.DistributionBench.loadAverage;
import static org.switchboard.itests.bench.DistributionBench.login;
import static org.switchboard.itests.bench.DistributionBench.millis;
import static org.switchboard.itests.bench.DistributionBench.percentile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.switchboard.itests.distribution.SwitchboardInstance;

/**
 * Screen-pop latency on the real distribution: unpacks and starts it with the demo configuration
 * plus {@code --agents} agents of the support queue, signs every one of them in and opens their
 * pop stream ({@code GET /switchboard/api/agents/me/pops}), then posts contacts to the webhook
 * channel at {@code --rate} per second for {@code --seconds}. Prints two figures:
 * <ul>
 *   <li>server: from the request entering the JVM (the core's {@code originNanos}) to the pop's SSE
 *       frame written and flushed, as the web bundle measures it ({@code GET /pops/latency});</li>
 *   <li>client: from the POST leaving this program to the pop read from the agent's stream (both in
 *       this JVM, so one clock), which adds the HTTP client and the network stack on both ends.</li>
 * </ul>
 * It also checks that every pop arrived, on the stream of the agent it was for only, and prints Karaf's
 * CPU time over the measured part with its JIT compiler's share (still compiling means not yet warm) and
 * Karaf's garbage collections meanwhile ({@link ProcessGc}).
 *
 * <pre>
 * mvn -B -q -pl itests exec:java -Dexec.mainClass=org.switchboard.itests.bench.PopLatencyBenchmark \
 *     -Dexec.args="--agents 50 --rate 200 --seconds 150"
 * </pre>
 *
 * Options: {@code --agents N} (default 50), {@code --rate PER_SECOND} (default 200), {@code --seconds N}
 * (measured, default 150: the p99 of 30,000 pops; over 30 s it is the 60th slowest of 6,000, and a
 * minute in which the shared machine runs slower decides it), {@code --warmup SECONDS} (sent first and
 * not measured, default 90: the distribution's {@code bin/setenv} holds the JIT's optimising compiler
 * back for a quick start, so under this load it compiles for about a minute, with about a third of a
 * core, and the pops wait meanwhile),
 * {@code --distribution PATH} (default: the one built in karaf-features/switchboard-distribution/target),
 * {@code --generator-nice N} (default 10: once Karaf is up this program lowers its own scheduling priority,
 * so that on the shared cores Karaf is served first, as it would be on a server of its own; 0 keeps it at
 * Karaf's).
 */
public final class PopLatencyBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(60);
    /** This program's niceness while it measures; Karaf keeps the one it was started with. */
    private static final int GENERATOR_NICE = 10;

    private final DistributionBench bench;
    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final Map<String, Long> poppedAt = new ConcurrentHashMap<>();
    /** Per pop, from the interaction's timestamps: stored → queued, queued → offered, offered → pop built (ms). */
    private final Map<String, long[]> stages = new ConcurrentHashMap<>();
    private final AtomicInteger misdelivered = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private final Map<String, AtomicInteger> refused = new ConcurrentHashMap<>();
    private final Set<String> acceptedIds = ConcurrentHashMap.newKeySet();

    private PopLatencyBenchmark(DistributionBench bench) {
        this.bench = bench;
    }

    public static void main(String[] args) throws Exception {
        List<String> rest = new ArrayList<>(List.of(args));
        int generatorNice = takeGeneratorNice(rest);
        DistributionBench.Options options = DistributionBench.Options.parse(rest.toArray(String[]::new), 50, 200, 150, 90);
        int agents = options.agents();
        Path work = Path.of(System.getProperty("java.io.tmpdir"), "switchboard-pop-benchmark");
        try (SwitchboardInstance instance = SwitchboardInstance.unpack(options.distribution(), work)) {
            instance.installDemo();
            addAgents(instance, agents);
            // the benchmark's agents leave their offers open: they must not be set away for it meanwhile
            instance.configure("org.switchboard.core", "routing.offerTimeoutSeconds", "86400");
            Instant started = Instant.now();
            instance.start();
            instance.awaitReady(started, READY_TIMEOUT);
            String priority = yieldToServer(generatorNice);
            try (DistributionBench bench = new DistributionBench(instance.api())) {
                new PopLatencyBenchmark(bench).run(instance.pid(), agents, options.rate(), options.seconds(), options.warmup(), priority);
            } finally {
                instance.stop();
            }
        }
    }

    /** Removes {@code --generator-nice N} from the options, which the shared ones do not know; its value or the default. */
    private static int takeGeneratorNice(List<String> args) {
        int at = args.indexOf("--generator-nice");
        if (at < 0) {
            return GENERATOR_NICE;
        }
        args.remove(at);
        return Integer.parseInt(args.remove(at));
    }

    /**
     * Lowers the scheduling priority of this JVM's threads to {@code nice} (Linux) once Karaf runs. The
     * program that plays the customers and the agents shares the machine's cores with Karaf, which on a
     * server it would not; at the same priority it takes about a third of two cores from it. Threads
     * started later inherit the niceness of the thread that starts them; Karaf, started before, keeps
     * its own. Returns what it did, for the benchmark's printout.
     */
    private static String yieldToServer(int nice) throws InterruptedException {
        String same = "load generator at Karaf's priority";
        Path tasks = Path.of("/proc/self/task");
        if (nice == 0) {
            return same;
        }
        if (!Files.isDirectory(tasks)) {
            return same + " (no /proc here to lower it)";
        }
        List<String> command = new ArrayList<>(List.of("renice", "-n", Integer.toString(nice), "-p"));
        try (Stream<Path> threads = Files.list(tasks)) {
            threads.map(task -> task.getFileName().toString()).forEach(command::add);
            Process renice = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(renice.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return renice.waitFor() == 0 ? "load generator at nice " + nice + ", Karaf at its own"
                    : same + " (renice failed: " + output.strip() + ")";
        } catch (IOException e) {
            return same + " (renice failed: " + e.getMessage() + ")";
        }
    }

    private void run(long karaf, int agents, int rate, int seconds, int warmup, String priority) throws Exception {
        awaitContactsAccepted();
        try (ProcessGc collections = ProcessGc.attach(karaf)) {
            run(karaf, agents, rate, seconds, warmup, priority, collections);
        }
    }

    private void run(long karaf, int agents, int rate, int seconds, int warmup, String priority, ProcessGc collections)
            throws Exception {
        for (int n = 1; n <= agents; n++) {
            String login = login(n);
            bench.send(bench.request("/agents/me/presence", login).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"presence\":\"AVAILABLE\"}")), 200);
            bench.followPops(login, this::onEvent);
        }
        System.out.printf("pop latency: %d agents signed in and streaming, %d contacts/s, %d s measured after %d s warm-up,"
                + " %d cores, %s%n", agents, rate, seconds, warmup, Runtime.getRuntime().availableProcessors(), priority);

        post(rate, warmup, "warmup");
        awaitPops(List.copyOf(acceptedIds));
        bench.send(bench.request("/pops/latency", "admin").DELETE(), 204);
        sentAt.clear();
        poppedAt.clear();
        acceptedIds.clear();
        accepted.set(0);
        refused.clear();

        long karafCpuBefore = ProcessCpu.totalNanos(karaf);
        long karafJitBefore = ProcessCpu.jitNanos(karaf);
        long measuring = System.nanoTime();
        collections.reset();
        post(rate, seconds, "measured");
        awaitAnswers(rate * seconds);
        List<String> measured = List.copyOf(acceptedIds);
        boolean all = awaitPops(measured);
        long karafCpu = ProcessCpu.elapsed(karafCpuBefore, ProcessCpu.totalNanos(karaf));
        long karafJit = ProcessCpu.elapsed(karafJitBefore, ProcessCpu.jitNanos(karaf));
        long measuredNanos = System.nanoTime() - measuring;
        Optional<String> collected = collections.summary();

        JsonNode server = JSON.readTree(bench.send(bench.request("/pops/latency", "admin").GET(), 200));
        long[] client = measured.stream().filter(poppedAt::containsKey)
                .mapToLong(id -> poppedAt.get(id) - sentAt.get(id)).sorted().toArray();
        System.out.printf("contacts sent     %d (202: %d, not accepted: %s)%n", rate * seconds, accepted.get(), refused);
        System.out.printf("pops received     %d of %d%s; on another agent's stream: %d%n", client.length, measured.size(),
                all ? "" : " (not all within " + DRAIN_TIMEOUT.toSeconds() + " s)", misdelivered.get());
        System.out.printf("server  request entered the JVM -> SSE frame written   p50 %6.2f ms   p99 %6.2f ms   max %7.2f ms   (%d pops)%n",
                server.path("p50Millis").asDouble(), server.path("p99Millis").asDouble(),
                server.path("maxMillis").asDouble(), server.path("samples").asLong());
        JsonNode core = server.path("eventDelivered");
        System.out.printf("  core:     request entered the JVM -> pop event delivered     p50 %6.2f ms   p99 %6.2f ms   max %7.2f ms   (the core's share)%n",
                core.path("p50Millis").asDouble(), core.path("p99Millis").asDouble(), core.path("maxMillis").asDouble());
        JsonNode push = server.path("push");
        System.out.printf("  push:     pop event delivered -> SSE frame written           p50 %6.2f ms   p99 %6.2f ms   max %7.2f ms   (the web bundle's share)%n",
                push.path("p50Millis").asDouble(), push.path("p99Millis").asDouble(), push.path("maxMillis").asDouble());
        for (int stage = 0; stage < STAGES.length; stage++) {
            int index = stage;
            long[] millis = measured.stream().map(stages::get).filter(java.util.Objects::nonNull)
                    .mapToLong(times -> times[index]).sorted().toArray();
            System.out.printf("    %-44s p50 %4d ms   p99 %4d ms   max %5d ms%n", STAGES[stage],
                    percentile(millis, 50), percentile(millis, 99), millis.length == 0 ? 0 : millis[millis.length - 1]);
        }
        System.out.printf("client  POST sent -> pop read from the stream           p50 %6.2f ms   p99 %6.2f ms   max %7.2f ms%n",
                millis(percentile(client, 50)), millis(percentile(client, 99)),
                millis(client.length == 0 ? 0 : client[client.length - 1]));
        System.out.printf("target  p99 <= 25 ms (server figure): %s%n", server.path("samples").asLong() == 0 ? "no samples"
                : server.path("p99Millis").asDouble() <= 25.0 ? "met" : "NOT met");
        if (karafCpu >= 0 && karafJit >= 0) {
            System.out.printf(Locale.ROOT, "Karaf while measured: CPU %.1f s (%.2f cores), %s%n",
                    karafCpu / 1e9, (double) karafCpu / measuredNanos, ProcessCpu.jitShare(karafJit, karafCpu));
        }
        collected.ifPresent(c -> System.out.printf("Karaf's collections while measured: %s%n", c));
        System.out.printf("machine load average after the run: %s%n", loadAverage());
    }

    /** Posts {@code rate} contacts a second for {@code seconds}, paced, without waiting for answers. */
    private void post(int rate, int seconds, String phase) throws InterruptedException {
        int total = rate * seconds;
        AtomicLong sequence = new AtomicLong();
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        long periodNanos = 1_000_000_000L / rate;
        pacer.scheduleAtFixedRate(() -> {
            long n = sequence.incrementAndGet();
            if (n > total) {
                return;
            }
            String externalId = phase + "-" + n + "-" + System.nanoTime();
            String body = "{\"channel\":\"webhook\",\"externalId\":\"" + externalId + "\",\"from\":{\"kind\":\"phone\",\"value\":\""
                    + String.format("+49151%08d", n % 100_000_000L) + "\"},\"fromName\":\"Bench Customer " + n
                    + "\",\"entryPoint\":\"support\",\"subject\":\"Benchmark " + n + "\",\"body\":\"Pop latency.\"}";
            sentAt.put(externalId, System.nanoTime());
            bench.http().sendAsync(bench.request("/contacts", "integration").header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, failure) -> {
                        if (failure == null && response.statusCode() == 202) {
                            accepted.incrementAndGet();
                            acceptedIds.add(externalId);
                        } else {
                            String why = failure != null ? failure.getClass().getSimpleName() : "HTTP " + response.statusCode();
                            refused.computeIfAbsent(why, k -> new AtomicInteger()).incrementAndGet();
                        }
                    });
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        while (sequence.get() < total) {
            pacer.awaitTermination(100, TimeUnit.MILLISECONDS);
        }
        pacer.shutdownNow();
    }

    /** Waits until every post has been answered (or failed). */
    private void awaitAnswers(int total) throws InterruptedException {
        long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline
                && accepted.get() + refused.values().stream().mapToInt(AtomicInteger::get).sum() < total) {
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    private boolean awaitPops(List<String> externalIds) throws InterruptedException {
        long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (externalIds.stream().allMatch(poppedAt::containsKey)) {
                return true;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        return false;
    }

    private static final String[] STAGES = {"stored -> identified, threaded, queued", "queued -> offered to the agent",
            "offered -> pop built"};

    /** The core's stages of one pop, from the timestamps it carries (millisecond resolution). */
    private static long[] stagesOf(JsonNode pop) {
        JsonNode interaction = pop.path("interaction");
        long created = instant(interaction.path("createdAt"));
        long queued = instant(interaction.path("queuedAt"));
        long offered = instant(interaction.path("offeredAt"));
        long built = instant(pop.path("createdAt"));
        return new long[] {queued - created, offered - queued, built - offered};
    }

    private static long instant(JsonNode node) {
        return node.isTextual() ? Instant.parse(node.asText()).toEpochMilli() : 0;
    }

    private void onEvent(String agentId, String event, JsonNode pop, long now) {
        if (!"pop".equals(event)) {
            return;
        }
        String externalId = pop.path("contact").path("externalId").asText();
        poppedAt.putIfAbsent(externalId, now);
        stages.putIfAbsent(externalId, stagesOf(pop));
        if (!agentId.equals(pop.path("agentId").asText())) {
            misdelivered.incrementAndGet();
        }
    }

    private void awaitContactsAccepted() throws InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = bench.http().send(bench.request("/agents/me/pops", "nobody").GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                HttpResponse<String> contacts = bench.http().send(bench.request("/contacts", "integration")
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 401 && contacts.statusCode() == 400) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        throw new IllegalStateException("the pop stream and POST /contacts did not come up");
    }

    /** Agents bench01… of the support queue, with room for every contact, and their users (password = user name). */
    private static void addAgents(SwitchboardInstance instance, int agents) throws IOException {
        StringBuilder users = new StringBuilder("\n");
        for (int n = 1; n <= agents; n++) {
            String login = login(n);
            Map<String, String> config = new LinkedHashMap<>();
            config.put("name", "Bench Agent " + n);
            config.put("login", login);
            config.put("skills", "support");
            config.put("capacity", "webhook:100000");
            config.put("branch", "bench");
            List<String> lines = new ArrayList<>();
            config.forEach((key, value) -> lines.add(key + " = " + value));
            Files.write(instance.home().resolve("etc/org.switchboard.agent-" + login + ".cfg"), lines);
            users.append(login).append(" = ").append(login).append(", agent\n");
        }
        Files.writeString(instance.home().resolve("etc/users.properties"), users, StandardOpenOption.APPEND);
    }
}
