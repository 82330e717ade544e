package org.switchboard.itests.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.switchboard.api.Address;
import org.switchboard.api.Channel;
import org.switchboard.api.InboundContact;
import org.switchboard.api.Queue;
import org.switchboard.api.Receipt;
import org.switchboard.api.ServiceLevel;
import org.switchboard.api.spi.ContactIngress;
import org.switchboard.core.Core;
import org.switchboard.core.identity.CrmDirectory;
import org.switchboard.core.outbox.ChannelSenders;
import org.switchboard.core.service.HealthServiceImpl;
import org.switchboard.crm.local.TicketLinks;
import org.switchboard.crm.local.connector.LocalCrmConnector;
import org.switchboard.crm.local.store.LocalCrmSchema;
import org.switchboard.crm.local.store.TicketNumbers;
import org.switchboard.crm.local.store.TicketStore;
import org.switchboard.itests.distribution.PostgresSchema;
import org.switchboard.itests.distribution.SwitchboardInstance;
import org.switchboard.jdbc.H2Settings;

/**
 * Drives contacts through the core's {@link ContactIngress} and measures them end to end: from
 * {@code accept} until the contact is fully processed (customer identified, conversation, queued,
 * ticket opened in the built-in CRM). The core runs as plain Java, assembled as in Karaf
 * ({@link Core#start}) with the built-in CRM, on H2 in a file (with the distribution's settings)
 * or on PostgreSQL. Prints contacts/s, p50/p99 latency, and whether anything was lost or
 * duplicated; exits with an exception when something was.
 *
 * <pre>
 * mvn -B -q -pl itests exec:java -Dexec.mainClass=org.switchboard.itests.bench.PipelineBenchmark \
 *     -Dexec.args="--store h2 --contacts 100000"
 * SWITCHBOARD_IT_POSTGRES_URL='jdbc:postgresql://localhost:5432/switchboard_it?user=switchboard&amp;password=switchboard' \
 *   mvn -B -q -pl itests exec:java -Dexec.mainClass=org.switchboard.itests.bench.PipelineBenchmark \
 *     -Dexec.args="--store postgres --contacts 100000"
 * </pre>
 *
 * Options: {@code --store h2|postgres} (default h2), {@code --contacts N} (default 20000),
 * {@code --warmup N} (contacts sent first and not measured, default 5000), {@code --senders N}
 * (threads calling accept, default 32), {@code --rounds N} (measured runs one after the other in the same JVM,
 * default 1, at most 6: the JIT compiler is still at work in the first after the warm-up), {@code --timeout SECONDS}
 * (per run, default 600).
 */
public final class PipelineBenchmark {
    /** Held here: java.util.logging forgets the level of a logger nobody references. */
    private static final Logger LIQUIBASE_LOG = Logger.getLogger("liquibase");
    /**
     * The measured rounds' German mobile ranges, one each, so that every round brings new customers
     * (the warm-up takes +49 152).
     */
    private static final List<String> ROUND_PREFIXES = List.of("+49151", "+49157", "+49159", "+49170", "+49171", "+49172");

    private PipelineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"); // figures, not the core's log
        }
        LIQUIBASE_LOG.setLevel(Level.WARNING);
        String store = "h2";
        int contacts = 20_000;
        int warmup = 5_000;
        int senders = 32;
        int timeoutSeconds = 600;
        int rounds = 1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--store" -> store = args[++i].toLowerCase(Locale.ROOT);
                case "--contacts" -> contacts = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--senders" -> senders = Integer.parseInt(args[++i]);
                case "--timeout" -> timeoutSeconds = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (rounds < 1 || rounds > ROUND_PREFIXES.size()) {
            throw new IllegalArgumentException("--rounds is 1 to " + ROUND_PREFIXES.size());
        }
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        PostgresSchema schema = null;
        Path h2Folder = null;
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("benchmark");
        pool.setMaximumPoolSize(10);
        if (store.equals("postgres")) {
            schema = PostgresSchema.create(PostgresSchema.configuredUrl().orElseThrow(() ->
                    new IllegalStateException("set " + PostgresSchema.ENV + " to a PostgreSQL JDBC URL with user and password")));
            pool.setJdbcUrl(schema.jdbcUrl());
            pool.setUsername(schema.user());
            pool.setPassword(schema.password());
        } else if (store.equals("h2")) {
            h2Folder = Files.createTempDirectory("switchboard-benchmark");
            // as etc/org.ops4j.datasource-switchboard.cfg has it
            pool.setJdbcUrl("jdbc:h2:file:" + h2Folder.resolve("switchboard") + H2Settings.SHIPPED + ";DB_CLOSE_ON_EXIT=FALSE");
            pool.setUsername("switchboard");
            pool.setPassword("switchboard");
        } else {
            throw new IllegalArgumentException("--store is h2 or postgres");
        }

        try (HikariDataSource dataSource = new HikariDataSource(pool)) {
            LocalCrmSchema.update(dataSource);
            TicketStore ticketStore = new TicketStore(dataSource, Clock.systemUTC());
            CrmDirectory crms = new CrmDirectory();
            crms.add(new LocalCrmConnector(ticketStore, new TicketNumbers("SB-", 6), new TicketLinks("http://localhost:8181")), 0);
            Completions completions = new Completions();
            try (Core core = Core.start(dataSource, Clock.systemUTC(), completions, Core.Settings.defaults(), crms, new ChannelSenders(),
                    new HealthServiceImpl())) {
                core.configureQueues(List.of(new Queue("support", "Support", List.of("support"), Set.of(), Set.of(), 5,
                        ServiceLevel.DEFAULT, null)));
                System.out.printf("store %s, %d cores, %d senders; warming up with %d contacts ...%n",
                        store, Runtime.getRuntime().availableProcessors(), senders, warmup);
                Run warm = drive(core.ingress(), new Run("warmup", "+49152", warmup, completions), senders);
                warm.awaitProcessed(timeout);
                if (schema != null) {
                    // a database in service has statistics; fresh tables get theirs only when autovacuum
                    // comes by, at a random moment of the run, and the plans change under it
                    schema.analyze();
                }

                List<Run> runs = new ArrayList<>(List.of(warm));
                long self = ProcessHandle.current().pid();
                boolean all = true;
                for (int round = 1; round <= rounds && all; round++) {
                    String name = rounds == 1 ? "run" : "run " + round;
                    System.out.printf("%s: measuring %d contacts ...%n", name, contacts);
                    Run prepared = new Run(name, ROUND_PREFIXES.get(round - 1), contacts, completions);
                    long cpuBefore = processCpuNanos();
                    long jitBefore = ProcessCpu.jitNanos(self);
                    long writtenBefore = bytesWritten();
                    Run run = drive(core.ingress(), prepared, senders);
                    all = run.awaitProcessed(timeout);
                    long cpu = processCpuNanos() - cpuBefore;
                    long jit = ProcessCpu.elapsed(jitBefore, ProcessCpu.jitNanos(self));
                    long written = bytesWritten() - writtenBefore;
                    run.report(all);
                    runs.add(run);
                    // steadier than contacts/s on a machine whose speed drifts; the senders' share is in it
                    System.out.printf(Locale.ROOT, "%s: CPU %.1f s for %d contacts, %.0f us per contact (this JVM, all threads)%n",
                            name, cpu / 1e9, contacts, cpu / 1e3 / contacts);
                    if (jit >= 0) {
                        System.out.printf("%s: %s%n", name, ProcessCpu.jitShare(jit, cpu));
                    }
                    if (written >= 0) {
                        // steadier still: how much the store wrote (H2 writes each commit's changed pages to its file)
                        System.out.printf(Locale.ROOT, "%s: this JVM wrote %.1f MB to files, %.1f kB per contact%n",
                                name, written / 1e6, written / 1e3 / contacts);
                    }
                }

                Verification verification = Verification.of(core.ingress(), dataSource, completions, runs.toArray(Run[]::new));
                verification.print();
                if (!all || !verification.passed()) {
                    throw new IllegalStateException("the benchmark found lost, duplicated or failed contacts");
                }
            }
        } finally {
            if (schema != null) {
                schema.close();
            }
            if (h2Folder != null) {
                // half a gigabyte a run: left behind, it fills the disk, and the next run competes with its write-back
                SwitchboardInstance.deleteRecursively(h2Folder);
            }
        }
    }

    /** Bytes this JVM has written to files and sockets ({@code wchar} of {@code /proc/self/io}), or -1. */
    private static long bytesWritten() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/io"))) {
                if (line.startsWith("wchar:")) {
                    return Long.parseLong(line.substring("wchar:".length()).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: no figure
        }
        return -1;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Sends the run's contacts from {@code senders} threads and records when each was accepted. */
    private static Run drive(ContactIngress ingress, Run run, int senders) throws Exception {
        int count = run.size();
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> work = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            int sender = s;
            work.add(pool.submit(() -> {
                start.await();
                for (int i = sender; i < count; i += senders) {
                    InboundContact contact = run.contact(i);
                    long begin = System.nanoTime();
                    Receipt receipt = ingress.accept(contact);
                    run.accepted(i, receipt, begin);
                }
                return null;
            }));
        }
        run.started();
        start.countDown();
        for (Future<?> f : work) {
            f.get();
        }
        run.allAccepted();
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        return run;
    }

    /** A valid German mobile number of its own for each contact: each is its own customer and conversation. */
    static InboundContact contact(String runId, String phonePrefix, int i) {
        return InboundContact.builder(Channel.WEBHOOK, runId + "-" + i, Address.phone(String.format("%s%08d", phonePrefix, i)))
                .entryPoint("support")
                .subject("Benchmark contact " + i)
                .body("Hello, this is benchmark contact " + i + ".")
                .build();
    }
}
