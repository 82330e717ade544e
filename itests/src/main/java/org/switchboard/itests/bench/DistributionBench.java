package org.switchboard.itests.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the benchmarks on the real distribution share: their options, the REST API as the demo users
 * (password = user name), the agents' streams they close at the end, and the figures they print.
 */
public final class DistributionBench implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DISTRIBUTION = Pattern.compile("switchboard-distribution-.*\\.tar\\.gz");

    private final URI api;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<InputStream> streams = new ArrayList<>();

    /** @param api the REST API's base, {@code http://host:port/switchboard/api} */
    public DistributionBench(URI api) {
        this.api = api;
    }

    /**
     * {@code --agents N --rate PER_SECOND --seconds N --warmup SECONDS --distribution PATH}; what is not
     * given takes the defaults passed in, and the distribution is the one built in this checkout.
     */
    public record Options(int agents, int rate, int seconds, int warmup, Path distribution) {
        public static Options parse(String[] args, int agents, int rate, int seconds, int warmup) throws IOException {
            Path distribution = null;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--agents" -> agents = Integer.parseInt(args[++i]);
                    case "--rate" -> rate = Integer.parseInt(args[++i]);
                    case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                    case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                    case "--distribution" -> distribution = Path.of(args[++i]);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            return new Options(agents, rate, seconds, warmup, distribution != null ? distribution : findDistribution());
        }
    }

    public HttpClient http() {
        return http;
    }

    /** A request as {@code user}, whose password is their name (the benchmarks' and the demo's users). */
    public HttpRequest.Builder request(String path, String user) {
        String token = Base64.getEncoder().encodeToString((user + ':' + user).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(api + path)).header("Authorization", "Basic " + token)
                .timeout(Duration.ofSeconds(30));
    }

    /** Sends it and returns the body; anything but {@code expected} ends the benchmark. */
    public String send(HttpRequest.Builder request, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(request.build().method() + " " + request.build().uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** Opens {@code login}'s pop stream ({@code GET /agents/me/pops}); it is closed with this object. */
    public InputStream openPopStream(String login) throws IOException, InterruptedException {
        // a stream, not an answer: open for the whole run
        HttpResponse<InputStream> response = http.send(request("/agents/me/pops", login).timeout(Duration.ofDays(1))
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the pop stream of " + login + " answered " + response.statusCode());
        }
        synchronized (streams) {
            streams.add(response.body());
        }
        return response.body();
    }

    /** What a followed stream hands on: one named event with its JSON data and when its data line was read. */
    @FunctionalInterface
    public interface StreamEvents {
        void on(String agentId, String event, JsonNode data, long readNanos);
    }

    /**
     * Opens {@code login}'s pop stream and reads it on a thread of its own as a browser's EventSource
     * does, handing every event with data to {@code events}; returns the agent's id.
     */
    public String followPops(String login, StreamEvents events) throws IOException, InterruptedException {
        String agentId = JSON.readTree(send(request("/agents/me", login).GET(), 200)).path("id").asText();
        InputStream stream = openPopStream(login);
        Thread reader = new Thread(() -> read(stream, agentId, events), "pops-" + login);
        reader.setDaemon(true);
        reader.start();
        return agentId;
    }

    private static void read(InputStream stream, String agentId, StreamEvents events) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String event = null;
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("data:") && event != null) {
                    long now = System.nanoTime();
                    events.on(agentId, event, JSON.readTree(line.substring(5).strip()), now);
                } else if (line.isEmpty()) {
                    event = null;
                }
            }
        } catch (IOException e) {
            // the stream ends when the instance stops
        }
    }

    @Override
    public void close() {
        synchronized (streams) {
            for (InputStream stream : streams) {
                try {
                    stream.close();
                } catch (IOException e) {
                    // closing anyway
                }
            }
        }
    }

    /** The benchmark's agents' logins: bench01, bench02, … */
    public static String login(int n) {
        return String.format(Locale.ROOT, "bench%02d", n);
    }

    public static long percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    public static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }

    public static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The distribution built in this checkout, run from its root or from {@code itests/}. */
    public static Path findDistribution() throws IOException {
        for (Path dir : List.of(Path.of("karaf-features/switchboard-distribution/target"),
                Path.of("../karaf-features/switchboard-distribution/target"))) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    var found = files.filter(f -> DISTRIBUTION.matcher(f.getFileName().toString()).matches()).findFirst();
                    if (found.isPresent()) {
                        return found.get();
                    }
                }
            }
        }
        throw new IllegalStateException("no distribution found in karaf-features/switchboard-distribution/target:"
                + " build it first (mvn -B install -DskipTests) or pass --distribution");
    }
}
