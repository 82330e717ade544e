package org.switchboard.itests.distribution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One unpacked Switchboard distribution, run as an operator would run it: {@code bin/karaf server}
 * as a process of its own, stopped with {@code bin/stop} or killed. Each instance gets free ports
 * (HTTP, SSH), so it can run beside a live Switchboard on 8181.
 */
public final class SwitchboardInstance implements AutoCloseable {
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern FEATURES_BOOT = Pattern.compile("(?m)^featuresBoot\\s*=");

    private final Path home;
    private final int httpPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;

    private SwitchboardInstance(Path home, int httpPort) {
        this.home = home;
        this.httpPort = httpPort;
    }

    /** Unpacks the distribution into {@code home} (emptied first) and moves its ports to free ones. */
    public static SwitchboardInstance unpack(Path distribution, Path home) {
        deleteRecursively(home);
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run(home, "tar", "-xzf", distribution.toAbsolutePath().toString(), "-C", home.toString(), "--strip-components=1");
        SwitchboardInstance instance = new SwitchboardInstance(home, freePort());
        instance.configure("org.ops4j.pax.web", "org.osgi.service.http.port", Integer.toString(instance.httpPort));
        instance.configure("org.apache.karaf.shell", "sshPort", Integer.toString(freePort()));
        return instance;
    }

    public Path home() {
        return home;
    }

    public int httpPort() {
        return httpPort;
    }

    /** The REST API's base, {@code http://127.0.0.1:PORT/switchboard/api}. */
    public URI api() {
        return URI.create("http://127.0.0.1:" + httpPort + "/switchboard/api");
    }

    /** The console's address, {@code http://127.0.0.1:PORT/switchboard/console/}. */
    public String console() {
        return "http://127.0.0.1:" + httpPort + "/switchboard/console/";
    }

    public Path log() {
        return home.resolve("data/log/karaf.log");
    }

    /** Sets one key of {@code etc/<pid>.cfg}, replacing its line or adding one; comments stay. */
    public void configure(String pid, String key, String value) {
        Path file = home.resolve("etc").resolve(pid + ".cfg");
        try {
            List<String> lines = Files.exists(file) ? new ArrayList<>(Files.readAllLines(file)) : new ArrayList<>();
            Pattern line = Pattern.compile("^\\s*" + Pattern.quote(key) + "\\s*[=:].*$");
            String entry = key + " = " + value;
            boolean replaced = false;
            for (int i = 0; i < lines.size(); i++) {
                if (line.matcher(lines.get(i)).matches()) {
                    lines.set(i, entry);
                    replaced = true;
                }
            }
            if (!replaced) {
                lines.add(entry);
            }
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Installs {@code feature} at the first boot, as {@code feature:install} would: appended to
     * {@code featuresBoot} in {@code etc/org.apache.karaf.features.cfg}; the feature must be in
     * {@code system/}.
     */
    public void bootFeature(String feature) {
        Path file = home.resolve("etc/org.apache.karaf.features.cfg");
        try {
            List<String> lines = new ArrayList<>(Files.readAllLines(file));
            int start = -1;
            for (int i = 0; i < lines.size(); i++) {
                if (FEATURES_BOOT.matcher(lines.get(i)).find()) {
                    start = i;
                    break;
                }
            }
            if (start < 0) {
                throw new IllegalStateException("no featuresBoot in " + file);
            }
            int last = start;
            while (lines.get(last).stripTrailing().endsWith("\\")) {
                last++;
            }
            lines.set(last, lines.get(last).stripTrailing() + ", " + feature);
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Installs the demo agents, queues and users that ship in {@code demo/}. */
    public void installDemo() {
        run(home, "sh", home.resolve("demo/install").toString(), home.toString());
    }

    /** Starts {@code bin/karaf server}; returns at once (see {@link #awaitReady}). */
    public void start() {
        if (isRunning()) {
            throw new IllegalStateException("already running: " + home);
        }
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile()));
        // the JVM replaces the script, so that the process is Karaf itself (kill -9 hits it)
        builder.environment().put("KARAF_EXEC", "exec");
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    public long pid() {
        if (process == null) {
            throw new IllegalStateException("not started");
        }
        return process.pid();
    }

    /** Whether {@code GET /health} answers 200 now. */
    public boolean isReady() {
        if (!isRunning()) {
            throw new IllegalStateException("Karaf exited with " + process.exitValue() + "; see " + log());
        }
        // longer than the REST API waits for requests in flight while it publishes new resources (5 s)
        HttpRequest request = HttpRequest.newBuilder(URI.create(api() + "/health"))
                .timeout(Duration.ofSeconds(15)).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false; // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Polls {@link #isReady()} every 100 ms and returns how long it took from {@code since}.
     *
     * @throws IllegalStateException when Karaf exits or the time is up
     */
    public Duration awaitReady(Instant since, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (isReady()) {
                return Duration.between(since, Instant.now());
            }
            pause(Duration.ofMillis(100));
        }
        throw new IllegalStateException("no 200 from " + api() + "/health within " + timeout + "; see " + log());
    }

    /** Stops Karaf the way {@code bin/stop} does and waits for the process to end. */
    public void stop() {
        if (!isRunning()) {
            return;
        }
        run(home, home.resolve("bin/stop").toString());
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("Karaf did not stop within " + STOP_TIMEOUT + "; see " + log());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** {@code kill -9}: no shutdown hook, no stop of bundles, as in a power cut. */
    public void kill() {
        if (!isRunning()) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The resident set size of the Karaf process in KiB, from {@code /proc/PID/status}. */
    public long residentKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    Matcher m = Pattern.compile("(\\d+)").matcher(line);
                    if (m.find()) {
                        return Long.parseLong(m.group(1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no VmRSS for process " + pid());
    }

    /** Log lines of {@code data/log/karaf.log} at this level ({@code ERROR}, {@code WARN}). */
    public List<String> logLines(String level) {
        if (!Files.exists(log())) {
            return List.of();
        }
        String marker = "| " + level;
        try (Stream<String> lines = Files.lines(log(), StandardCharsets.UTF_8)) {
            return lines.filter(l -> l.contains(marker)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        kill();
    }

    private static void run(Path dir, String... command) {
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Deletes the folder and everything in it; nothing when it does not exist. */
    public static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
