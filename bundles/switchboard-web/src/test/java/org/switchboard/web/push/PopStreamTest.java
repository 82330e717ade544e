package org.switchboard.web.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.api.service.Agents;
import org.switchboard.web.json.JsonMapper;
import org.switchboard.web.testing.ApiFixture;
import org.switchboard.web.testing.Samples;
import org.switchboard.web.testing.TestUser;

class PopStreamTest {
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private final Agents agents = mock(Agents.class);
    private final ObjectMapper mapper = JsonMapper.create();
    private final PopLatency latency = new PopLatency();
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<InputStream> open = new ArrayList<>();
    private AgentStreams streams;
    private ApiFixture api;

    @BeforeEach
    void start() throws Exception {
        when(agents.findByLogin("alice")).thenReturn(Optional.of(Samples.agent("a-alice", "alice")));
        when(agents.findByLogin("bob")).thenReturn(Optional.of(Samples.agent("a-bob", "bob")));
        streams = new AgentStreams(3, 64 * 1024, 1000);
        api = ApiFixture.start();
        api.addServlet(new PopStreamServlet(api.api().authentication(),
                (origin, received) -> latency.record(System.nanoTime() - origin), mapper, agents, streams), PopStreamServlet.PATH);
    }

    @AfterEach
    void stop() throws Exception {
        // as the bundle does when it stops: every open stream is completed, so the server stops at once
        streams.all().forEach(SseConnection::close);
        for (InputStream stream : open) {
            stream.close();
        }
        api.close();
    }

    @Test
    void anAgentReceivesTheirOwnPopsAndNoneOfAnotherAgents() throws Exception {
        BufferedReader alice = openStream(TestUser.ALICE, null);
        BufferedReader bob = openStream(TestUser.BOB, null);

        streams.publish("a-alice", "pop", "{\"for\":\"alice\"}".getBytes(StandardCharsets.UTF_8));
        streams.publish("a-bob", "pop", "{\"for\":\"bob\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(nextFrame(alice)).containsExactly("id: 1001", "event: pop", "data: {\"for\":\"alice\"}");
        assertThat(nextFrame(bob)).as("bob's first frame is his own").containsExactly("id: 1002", "event: pop",
                "data: {\"for\":\"bob\"}");
    }

    @Test
    void aStreamReopenedWithLastEventIdGetsWhatItMissedInOrder() throws Exception {
        for (int i = 1; i <= 4; i++) {
            streams.publish("a-alice", "pop", ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8));
        }

        BufferedReader again = openStream(TestUser.ALICE, "1002");

        assertThat(nextFrame(again)).contains("id: 1003", "data: {\"n\":3}");
        assertThat(nextFrame(again)).contains("id: 1004", "data: {\"n\":4}");
    }

    @Test
    void aSupervisorWhoIsNotAnAgentCannotOpenAnAgentsStream() throws Exception {
        HttpResponse<String> response = http.send(request(TestUser.SAM, null).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("agent");
    }

    @Test
    void withoutCredentialsTheStreamIsAnswered401() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(api.uri("/agents/me/pops")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
    }

    @Test
    void aWrittenPopIsMeasuredFromItsOrigin() throws Exception {
        BufferedReader alice = openStream(TestUser.ALICE, null);

        long now = System.nanoTime();
        streams.publish("a-alice", "pop", "{}".getBytes(StandardCharsets.UTF_8), now, now);
        nextFrame(alice);

        await().atMost(DEADLINE).until(() -> latency.summary().samples() == 1);
        assertThat(latency.summary().maxMillis()).isLessThan(DEADLINE.toMillis());
    }

    private HttpRequest.Builder request(TestUser user, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri("/agents/me/pops"))
                .header("Authorization", ApiFixture.basic(user)).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return request;
    }

    /** Opens the stream and waits until the server has registered it (its opening {@code retry:} frame). */
    private BufferedReader openStream(TestUser user, String lastEventId) throws Exception {
        HttpResponse<InputStream> response = http.sendAsync(request(user, lastEventId).build(),
                HttpResponse.BodyHandlers.ofInputStream()).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        open.add(response.body());
        BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
        assertThat(nextFrame(reader)).containsExactly("retry: 2000");
        return reader;
    }

    /** The next frame's lines, skipping heartbeats; fails after the deadline. */
    private List<String> nextFrame(BufferedReader reader) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            try {
                List<String> lines = new ArrayList<>();
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.isEmpty()) {
                        if (!lines.isEmpty()) {
                            return lines;
                        }
                    } else if (!line.startsWith(":")) {
                        lines.add(line);
                    }
                }
                return lines;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
    }
}
