package org.switchboard.itests.support;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An agent's console stream, {@code GET /switchboard/api/agents/me/pops}, read as the browser's
 * {@code EventSource} reads it: Server-Sent Events frames ({@code id:}, {@code event:}, {@code data:},
 * a blank line), heartbeat comments skipped. Every frame is kept, in the order it arrived.
 */
public final class PopStream implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String user;
    private final InputStream body;
    private final List<Frame> frames = new CopyOnWriteArrayList<>();
    private volatile String badFrame;

    private PopStream(String user, InputStream body) {
        this.user = user;
        this.body = body;
        Thread reader = new Thread(this::read, "pops-" + user);
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens the stream of {@code user} (password = user name, as the demo users have); it must answer 200. */
    public static PopStream open(URI api, String user) {
        String basic = Base64.getEncoder().encodeToString((user + ':' + user).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(api + "/agents/me/pops"))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Basic " + basic)
                .GET().build();
        try {
            HttpResponse<InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                String text = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
                throw new IllegalStateException("the pop stream of " + user + " answered " + response.statusCode() + ": " + text);
            }
            return new PopStream(user, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Every frame received so far. */
    public List<Frame> frames() {
        return List.copyOf(frames);
    }

    /** The first frame of this event type whose data satisfies {@code matches}, once it arrived within {@code timeout}. */
    public JsonNode awaitFrame(String event, Predicate<JsonNode> matches, Duration timeout) {
        return await("an '" + event + "' frame on the stream of " + user).atMost(timeout).pollInterval(Duration.ofMillis(50))
                .until(() -> first(event, matches), f -> f != null).data();
    }

    private Frame first(String event, Predicate<JsonNode> matches) {
        if (badFrame != null) {
            throw new IllegalStateException("the stream of " + user + " sent a frame that is not JSON: " + badFrame);
        }
        return frames.stream().filter(f -> f.event().equals(event) && matches.test(f.data())).findFirst().orElse(null);
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String id = null;
            String event = "message";
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        try {
                            frames.add(new Frame(id, event, JSON.readTree(data.toString())));
                        } catch (JsonProcessingException e) {
                            badFrame = data.toString();
                        }
                    }
                    id = null;
                    event = "message";
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    if (!data.isEmpty()) {
                        data.append('\n');
                    }
                    data.append(line.substring(5).stripLeading());
                }
                // lines starting with ':' are heartbeats
            }
        } catch (IOException e) {
            // the stream ends when the test closes it or Karaf stops
        }
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    /** One Server-Sent Events frame: its id, its type ({@code pop}, {@code interaction}, {@code presence}) and its JSON. */
    public record Frame(String id, String event, JsonNode data) {
    }
}
