package org.switchboard.itests.measure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.switchboard.itests.distribution.SwitchboardInstance;

/**
 * Measures the distribution against its targets (ready ≤ 12 s from a fresh unpack, idle RSS ≤ 350 MB):
 * unpacks it, starts {@code bin/karaf server} with the shipped {@code bin/setenv}, polls
 * {@code GET /switchboard/api/health} until it answers 200, waits, reads the resident size from
 * {@code /proc}, restarts once (warm start), stops, and prints the figures. Run it on an idle
 * machine:
 *
 * <pre>
 * mvn -B -q -pl itests exec:java -Dexec.mainClass=org.switchboard.itests.measure.BootMeasurement \
 *     -Dexec.args="--runs 3 --idle 30"
 * </pre>
 *
 * Options: {@code --runs N} (fresh unpacks, default 3), {@code --idle SECONDS} (wait before reading
 * the idle RSS, default 30), {@code --demo} (install the demo configuration first),
 * {@code --distribution PATH} (default: the tar.gz in karaf-features/switchboard-distribution/target).
 */
public final class BootMeasurement {
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    private BootMeasurement() {
    }

    public static void main(String[] args) throws Exception {
        int runs = 3;
        int idleSeconds = 30;
        boolean demo = false;
        Path distribution = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--idle" -> idleSeconds = Integer.parseInt(args[++i]);
                case "--demo" -> demo = true;
                case "--distribution" -> distribution = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (distribution == null) {
            distribution = findDistribution();
        }
        Path work = Path.of(System.getProperty("java.io.tmpdir"), "switchboard-boot-measurement");

        System.out.printf("distribution  %s (%d MB)%n", distribution, Files.size(distribution) / (1024 * 1024));
        System.out.printf("machine       %d cores, load average %s%n",
                Runtime.getRuntime().availableProcessors(), loadAverage());
        System.out.printf("%-5s %14s %14s %14s %14s%n", "run", "fresh ready s", "RSS ready MB", "idle RSS MB", "warm ready s");

        List<Double> fresh = new ArrayList<>();
        List<Double> warm = new ArrayList<>();
        List<Double> idle = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            try (SwitchboardInstance instance = SwitchboardInstance.unpack(distribution, work)) {
                if (demo) {
                    instance.installDemo();
                }
                Instant started = Instant.now();
                instance.start();
                Duration ready = instance.awaitReady(started, READY_TIMEOUT);
                long rssAtReady = instance.residentKib();
                pause(idleSeconds);
                long rssIdle = instance.residentKib();
                instance.stop();

                Instant restarted = Instant.now();
                instance.start();
                Duration warmReady = instance.awaitReady(restarted, READY_TIMEOUT);
                instance.stop();

                fresh.add(seconds(ready));
                warm.add(seconds(warmReady));
                idle.add(rssIdle / 1024.0);
                System.out.printf(Locale.ROOT, "%-5d %14.1f %14.0f %14.0f %14.1f%n",
                        run, seconds(ready), rssAtReady / 1024.0, rssIdle / 1024.0, seconds(warmReady));
            }
        }
        System.out.printf(Locale.ROOT, "median: ready from a fresh unpack %.1f s (target 12), warm %.1f s, idle RSS %.0f MB (target 350)%n",
                median(fresh), median(warm), median(idle));
    }

    private static Path findDistribution() throws IOException {
        for (Path dir : List.of(Path.of("karaf-features/switchboard-distribution/target"),
                Path.of("../karaf-features/switchboard-distribution/target"))) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    var found = files.filter(f -> f.getFileName().toString().matches("switchboard-distribution-.*\\.tar\\.gz")).findFirst();
                    if (found.isPresent()) {
                        return found.get();
                    }
                }
            }
        }
        throw new IllegalStateException("no distribution found: build it (mvn -B -q install -DskipTests) or pass --distribution");
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static void pause(int seconds) throws InterruptedException {
        Thread.sleep(seconds * 1000L);
    }
}
